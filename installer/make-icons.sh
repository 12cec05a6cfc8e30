#!/usr/bin/env bash
# Draws Sightline's icon (an open eye on a dark blue tile, high contrast) with Debian's ImageMagick and
# writes every size the packages need into assets/icons/. Run again only when the design changes; the
# results are committed so packaging does not need ImageMagick.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../assets/icons"
convert=/usr/bin/convert   # Debian's; another convert on PATH may be a stand-in
[ -x "$convert" ] || { echo "make-icons.sh needs ImageMagick: sudo apt-get install imagemagick" >&2; exit 1; }
mkdir -p "$out"
"$convert" -size 256x256 xc:none \
  -fill '#123a6b' -draw "roundrectangle 8,8 248,248 44,44" \
  -fill white -draw "path 'M 28,128 Q 128,28 228,128 Q 128,228 28,128 Z'" \
  -fill '#123a6b' -draw "circle 128,128 128,84" \
  -fill '#ffd23f' -draw "circle 128,128 128,104" \
  -fill '#123a6b' -draw "circle 128,128 128,116" \
  -fill white -draw "circle 116,116 116,110" \
  -depth 8 "PNG32:$out/sightline-256.png"
for size in 128 64 48 32 16; do
  "$convert" "$out/sightline-256.png" -resize "${size}x${size}" -depth 8 "PNG32:$out/sightline-$size.png"
done
# Windows wants one .ico holding several sizes.
"$convert" "$out/sightline-256.png" -define icon:auto-resize=256,64,48,32,16 "$out/sightline.ico"
