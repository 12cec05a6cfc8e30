#!/usr/bin/env bash
# Builds installer/target/sightline_<version>_amd64.deb: the app, its libraries and a trimmed Java runtime
# under /opt/sightline, a menu entry with icon, "Open with Sightline" for PNG and JPEG images, and the
# `sightline` command on PATH. One command from anywhere in the checkout:
#
#     installer/build-deb.sh
#
# Needs JDK 17+ with jmods (Debian: openjdk-17-jdk-headless), Maven, fakeroot and binutils (objcopy).
# Environment:
#   SIGHTLINE_SKIP_MAVEN=1          reuse app/target as it is (it must be built already)
#   DPKG_DEB_COMPRESSOR_TYPE, DPKG_DEB_COMPRESSOR_LEVEL   dpkg-deb's compression; gzip 6 unless set
set -euo pipefail

# gzip, not dpkg's default xz: nearly everything inside is jars, compressed already. Measured here on two
# busy cores: xz 17 minutes for 220 MB, gzip -1 under a minute for 225 MB.
export DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-gzip}"
export DPKG_DEB_COMPRESSOR_LEVEL="${DPKG_DEB_COMPRESSOR_LEVEL:-6}"

installer="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$installer/.." && pwd)"
out="$installer/target"

say() { echo "build-deb: $*" >&2; }
die() { echo "build-deb: $*" >&2; exit 1; }

# The JDK whose jlink and jpackage we use: $JAVA_HOME, or the one javac belongs to.
if [ -z "${JAVA_HOME:-}" ]; then
  javac_path="$(command -v javac || true)"
  [ -n "$javac_path" ] || die "needs a JDK (17 or newer): sudo apt-get install openjdk-17-jdk-headless"
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$javac_path")")")"
fi
export JAVA_HOME
for tool in jlink jpackage; do
  [ -x "$JAVA_HOME/bin/$tool" ] || die "$JAVA_HOME has no $tool; use a full JDK 17 or newer"
done
[ -d "$JAVA_HOME/jmods" ] || die "$JAVA_HOME has no jmods folder, which jlink needs (Debian: openjdk-17-jdk-headless)"
for tool in fakeroot objcopy dpkg-deb; do
  command -v "$tool" >/dev/null || die "needs $tool: sudo apt-get install fakeroot binutils"
done

# 1. The app and its libraries (app/target/sightline.jar and app/target/lib/).
if [ "${SIGHTLINE_SKIP_MAVEN:-0}" != 1 ]; then
  command -v mvn >/dev/null || die "needs Maven: sudo apt-get install maven"
  say "building the app with Maven"
  # Its output goes to stderr: stdout carries only the package path, for scripts.
  (cd "$root" && mvn -B -q -DskipTests package) >&2
fi
[ -f "$root/app/target/sightline.jar" ] && [ -d "$root/app/target/lib" ] \
  || die "app/target/sightline.jar or app/target/lib is missing; run without SIGHTLINE_SKIP_MAVEN"

# The project version without -SNAPSHOT: packages want plain numbers.
version="$(awk '/<artifactId>sightline-parent<\/artifactId>/ { found = 1; next }
  found && /<version>/ { gsub(/.*<version>|<\/version>.*/, ""); print; exit }' "$root/pom.xml")"
app_version="${version%%-*}"
[[ "$app_version" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || die "cannot read a numeric version from pom.xml (got '$version')"

rm -rf "$out"
mkdir -p "$out/input/lib" "$out/resources"

# 2. jpackage's input: the main jar and lib/ beside it, as the jar's manifest class path expects.
# Hard links when possible: the libraries are ~200 MB and this runs on small CI machines.
cp -l "$root/app/target/sightline.jar" "$out/input/" 2>/dev/null || cp "$root/app/target/sightline.jar" "$out/input/"
cp -l "$root/app/target/lib/"*.jar "$out/input/lib/" 2>/dev/null || cp "$root/app/target/lib/"*.jar "$out/input/lib/"
# The screen-reader companions (the service's Python client and the Orca keys), installed under
# /opt/sightline/lib/app/companion for the user to turn on (installer/companion/README.md).
mkdir -p "$out/input/companion"
cp "$root/installer/companion/"*.py "$root/installer/companion/README.md" "$out/input/companion/"

# 3. A runtime with only the modules Sightline uses (installer/jlink-modules.txt says why each is there).
modules="$(grep -v '^[[:space:]]*#' "$installer/jlink-modules.txt" | grep -v '^[[:space:]]*$' | paste -sd, -)"
say "linking a runtime with: $modules"
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --include-locales=en,zh \
  --strip-debug --no-header-files --no-man-pages --output "$out/runtime"

# The runtime must really run the app: --version loads picocli and the whole command tree.
java_options=(-Xss4m -Dai.djl.offline=true -Dai.djl.default_engine=OnnxRuntime -DOPT_OUT_TRACKING=true
  -Dfile.encoding=UTF-8 -Dsightline.launcher=sightline)
"$out/runtime/bin/java" "${java_options[@]}" -jar "$out/input/sightline.jar" --version >"$out/runtime-check.txt" \
  || die "the trimmed runtime cannot start Sightline; see installer/jlink-modules.txt"
say "runtime check: $(head -n 1 "$out/runtime-check.txt")"

# 4. jpackage's templates, with the launcher's installed path filled in.
# jpackage names the menu entry <package>-<launcher>.desktop and installs into /opt/<package>.
for f in control postinst prerm sightline.desktop; do
  sed -e "s|@LAUNCHER@|/opt/sightline/bin/sightline|g" -e "s|@LIB_DIR@|/opt/sightline/lib|g" \
    -e "s|@DESKTOP_FILE@|sightline-sightline.desktop|g" "$installer/linux/$f" >"$out/resources/$f"
done
cp "$root/assets/icons/sightline-256.png" "$out/resources/sightline.png"

jpackage_args=(
  --type deb
  --dest "$out"
  --name sightline
  --app-version "$app_version"
  --vendor "Sightline contributors"
  --description "Hear what is on the screen or in front of the camera, and ask about it"
  --copyright "Sightline contributors"
  --input "$out/input"
  --main-jar sightline.jar
  --main-class org.sightline.app.Main
  --runtime-image "$out/runtime"
  --icon "$root/assets/icons/sightline-256.png"
  --resource-dir "$out/resources"
  --install-dir /opt
  --linux-package-name sightline
  --linux-deb-maintainer "sightline@users.noreply.github.com"
  --linux-menu-group "Utility;Accessibility;"
  --linux-app-category utils
  --linux-shortcut
  --linux-package-deps "libgtk-3-0"
  --file-associations "$installer/image-types.properties"
  --file-associations "$installer/image-types-jpeg.properties"
)
for opt in "${java_options[@]}"; do
  jpackage_args+=(--java-options "$opt")
done
if [ -f "$root/LICENSE" ]; then
  jpackage_args+=(--license-file "$root/LICENSE")
fi

say "packaging with jpackage ($DPKG_DEB_COMPRESSOR_TYPE $DPKG_DEB_COMPRESSOR_LEVEL)"
"$JAVA_HOME/bin/jpackage" "${jpackage_args[@]}" >&2

deb="$(ls "$out"/sightline_*.deb)"
say "built $deb ($(du -h "$deb" | cut -f1))"
echo "$deb"
