#!/usr/bin/env bash
# Builds Sightline for macOS: installer/target/Sightline-<version>.dmg, or a .pkg with `--type pkg` (the
# .pkg also puts `sightline` on PATH through mac/postinstall). UNTESTED: written to the jpackage
# documentation, never run on a Mac by the project yet; see installer/README.md before relying on it.
#
#     installer/build-mac.sh [--type dmg|pkg]
#
# Needs macOS with JDK 17+ (Temurin), Maven, and Xcode's command line tools (sips, iconutil). Signing:
# set SIGHTLINE_MAC_SIGN_IDENTITY to a "Developer ID Application: ..." name to sign; notarise afterwards.
set -euo pipefail

type=dmg
if [ "${1:-}" = "--type" ]; then type="${2:?dmg or pkg}"; fi
installer="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$installer/.." && pwd)"
out="$installer/target"
die() { echo "build-mac: $*" >&2; exit 1; }

[ "$(uname -s)" = Darwin ] || die "run this on macOS (jpackage builds packages for the system it runs on)"
JAVA_HOME="${JAVA_HOME:-$(/usr/libexec/java_home -v 17+)}"
case "$(uname -m)" in
  arm64) platform=macosx-arm64 ;;
  *) platform=macosx-x86_64 ;;
esac

# 1. The app, with the camera and OpenCV natives for this Mac instead of Linux's.
(cd "$root" && mvn -B -q -DskipTests -Djavacpp.platform="$platform" package)

version="$(awk '/<artifactId>sightline-parent<\/artifactId>/ { found = 1; next }
  found && /<version>/ { gsub(/.*<version>|<\/version>.*/, ""); print; exit }' "$root/pom.xml")"
app_version="${version%%-*}"

rm -rf "$out"
mkdir -p "$out/input/lib" "$out/resources"
cp "$root/app/target/sightline.jar" "$out/input/"
cp "$root/app/target/lib/"*.jar "$out/input/lib/"

# 2. The same trimmed runtime as the other packages.
modules="$(grep -v '^[[:space:]]*#' "$installer/jlink-modules.txt" | grep -v '^[[:space:]]*$' | paste -sd, -)"
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --include-locales=en,zh \
  --strip-debug --no-header-files --no-man-pages --output "$out/runtime"

# 3. The icon as macOS wants it, drawn from the same PNGs.
iconset="$out/Sightline.iconset"
mkdir -p "$iconset"
for size in 16 32 64 128 256; do
  sips -z "$size" "$size" "$root/assets/icons/sightline-256.png" --out "$iconset/icon_${size}x${size}.png" >/dev/null
done
cp "$iconset/icon_32x32.png" "$iconset/icon_16x16@2x.png"
cp "$iconset/icon_64x64.png" "$iconset/icon_32x32@2x.png"
cp "$iconset/icon_256x256.png" "$iconset/icon_128x128@2x.png"
rm "$iconset/icon_64x64.png"
iconutil -c icns "$iconset" -o "$out/Sightline.icns"

cp "$installer/mac/postinstall" "$out/resources/postinstall"

args=(
  --type "$type"
  --dest "$out"
  --name Sightline
  --app-version "$app_version"
  --vendor "Sightline contributors"
  --description "Hear what is on the screen or in front of the camera, and ask about it"
  --input "$out/input"
  --main-jar sightline.jar
  --main-class org.sightline.app.Main
  --runtime-image "$out/runtime"
  --icon "$out/Sightline.icns"
  --resource-dir "$out/resources"
  --mac-package-identifier org.sightline.app
  --mac-package-name Sightline
  --mac-app-category public.app-category.utilities
  --file-associations "$installer/image-types.properties"
  --file-associations "$installer/image-types-jpeg.properties"
)
for opt in -Xss4m -Dai.djl.offline=true -Dai.djl.default_engine=OnnxRuntime -DOPT_OUT_TRACKING=true \
    -Dfile.encoding=UTF-8 -Dsightline.launcher=sightline; do
  args+=(--java-options "$opt")
done
if [ -n "${SIGHTLINE_MAC_SIGN_IDENTITY:-}" ]; then
  args+=(--mac-sign --mac-signing-key-user-name "$SIGHTLINE_MAC_SIGN_IDENTITY")
fi
"$JAVA_HOME/bin/jpackage" "${args[@]}"
ls "$out"/Sightline-*."$type"
