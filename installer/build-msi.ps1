# Builds Sightline for Windows: installer\target\Sightline-<version>.msi with a Start menu entry, a desktop
# shortcut, "Open with Sightline" for PNG and JPEG images, and a console launcher sightline-cli.exe for
# the command line. UNTESTED: written to the jpackage documentation, never run on Windows by the project
# yet; see installer\README.md before relying on it.
#
#     powershell -ExecutionPolicy Bypass -File installer\build-msi.ps1
#
# Needs JDK 17+ (Temurin; JAVA_HOME set), Maven on PATH, and WiX Toolset 3.x (candle.exe and light.exe on
# PATH): jpackage 17 to 21 drive WiX 3 only.
$ErrorActionPreference = 'Stop'

$installer = $PSScriptRoot
$root = Split-Path -Parent $installer
$out = Join-Path $installer 'target'
if (-not $env:JAVA_HOME) { throw 'Set JAVA_HOME to a JDK 17 or newer.' }
$jlink = Join-Path $env:JAVA_HOME 'bin\jlink.exe'
$jpackage = Join-Path $env:JAVA_HOME 'bin\jpackage.exe'
if (-not (Get-Command candle.exe -ErrorAction SilentlyContinue)) {
    throw 'jpackage needs WiX Toolset 3 (candle.exe, light.exe) on PATH: https://wixtoolset.org/'
}

# 1. The app, with the Windows natives of OpenCV and FFmpeg instead of Linux's.
Push-Location $root
try {
    & mvn -B -q -DskipTests '-Djavacpp.platform=windows-x86_64' package
    if ($LASTEXITCODE -ne 0) { throw 'The Maven build failed.' }
} finally { Pop-Location }

$pom = [xml](Get-Content (Join-Path $root 'pom.xml'))
$appVersion = ($pom.project.version -split '-')[0]

if (Test-Path $out) { Remove-Item -Recurse -Force $out }
New-Item -ItemType Directory -Force (Join-Path $out 'input\lib') | Out-Null
Copy-Item (Join-Path $root 'app\target\sightline.jar') (Join-Path $out 'input')
Copy-Item (Join-Path $root 'app\target\lib\*.jar') (Join-Path $out 'input\lib')

# 2. The same trimmed runtime as the other packages (jdk.accessibility carries the Java Access Bridge,
#    which lets NVDA and JAWS read AWT dialogs; JavaFX windows speak to them through UI Automation).
$modules = (Get-Content (Join-Path $installer 'jlink-modules.txt') |
    Where-Object { $_ -notmatch '^\s*(#|$)' } | ForEach-Object { $_.Trim() }) -join ','
& $jlink --add-modules $modules --include-locales=en,zh --strip-debug --no-header-files --no-man-pages `
    --output (Join-Path $out 'runtime')
if ($LASTEXITCODE -ne 0) { throw 'jlink failed.' }

$javaOptions = @('-Xss4m', '-Dai.djl.offline=true', '-Dai.djl.default_engine=OnnxRuntime',
    '-DOPT_OUT_TRACKING=true', '-Dfile.encoding=UTF-8', '-Dsightline.launcher=sightline-cli')

# A second launcher that keeps its console, so `sightline-cli --version` prints in a terminal; the main
# launcher has no console window, as a desktop app should.
$cli = Join-Path $out 'sightline-cli.properties'
Set-Content -Encoding ASCII $cli @('win-console=true', 'main-class=org.sightline.app.Main',
    'description=Sightline on the command line')

$jpackageArgs = @(
    '--type', 'msi',
    '--dest', $out,
    '--name', 'Sightline',
    '--app-version', $appVersion,
    '--vendor', 'Sightline contributors',
    '--description', 'Hear what is on the screen or in front of the camera, and ask about it',
    '--input', (Join-Path $out 'input'),
    '--main-jar', 'sightline.jar',
    '--main-class', 'org.sightline.app.Main',
    '--runtime-image', (Join-Path $out 'runtime'),
    '--icon', (Join-Path $root 'assets\icons\sightline.ico'),
    '--add-launcher', "sightline-cli=$cli",
    '--win-menu', '--win-menu-group', 'Sightline',
    '--win-shortcut',
    '--win-dir-chooser',
    '--win-upgrade-uuid', '6f1c3a52-7d1e-4d8e-9b0a-51a7c2f0e8d4',
    '--file-associations', (Join-Path $installer 'image-types.properties'),
    '--file-associations', (Join-Path $installer 'image-types-jpeg.properties')
)
foreach ($opt in $javaOptions) { $jpackageArgs += @('--java-options', $opt) }
& $jpackage @jpackageArgs
if ($LASTEXITCODE -ne 0) { throw 'jpackage failed.' }
Get-ChildItem (Join-Path $out 'Sightline-*.msi')
