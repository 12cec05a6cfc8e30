#!/usr/bin/env bash
# Renders each benchmark page with headless Chromium into OUT/NAME.png (1280x900, device scale factor 1) and
# OUT/NAME.truth.json (the boxes and roles of its headings, links, buttons and form controls, read from the
# DOM by pages/truth.js at the same window size). Needs the chromium package (not part of .ci/install).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../../../target/bench-elements}"
mkdir -p "$out"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome)"
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run
       --disable-component-update --disable-sync --hide-scrollbars --force-device-scale-factor=1
       --window-size=1280,900 --allow-file-access-from-files)
for page in "$here"/pages/*.html; do
  name="$(basename "$page" .html)"
  profile="$(mktemp -d)"
  "$browser" "${flags[@]}" --user-data-dir="$profile" --screenshot="$out/$name.png" "file://$page" >/dev/null 2>&1
  rm -rf "$profile"
  profile="$(mktemp -d)"
  "$browser" "${flags[@]}" --user-data-dir="$profile" --dump-dom "file://$page" 2>/dev/null \
    | python3 -c 'import sys,re,html; m=re.search(r"<pre id=\"truth\"[^>]*>(.*?)</pre>", sys.stdin.read(), re.S); print(html.unescape(m.group(1)))' \
    > "$out/$name.truth.json"
  rm -rf "$profile"
  echo "$name: $(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["viewport"], len(d["elements"]), "elements")' "$out/$name.truth.json")"
done
