#!/usr/bin/env bash
# Builds the Sightline add-on for NVDA: installer/nvda/target/sightline-<version>.nvda-addon.
# The add-on carries a copy of installer/companion/sightline_client.py, made here, so there is one client to
# maintain; translations (locale/*/LC_MESSAGES/nvda.po) are compiled with msgfmt when it is installed.
# Usage: installer/nvda/build-addon.sh [VERSION]   (default: the version in the root pom.xml, without -SNAPSHOT)
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/../.." && pwd)"
version="${1:-$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -1)}"
version="${version%-SNAPSHOT}"
out="$here/target"
stage="$out/addon"
rm -rf "$stage"
mkdir -p "$stage/globalPlugins/sightline"

sed "s/^version = .*/version = $version/" "$here/manifest.ini" >"$stage/manifest.ini"
cp "$here/globalPlugins/sightline/__init__.py" "$stage/globalPlugins/sightline/"
cp "$root/installer/companion/sightline_client.py" "$stage/globalPlugins/sightline/"
cp "$here/README.md" "$stage/readme.md"

for po in "$here"/locale/*/LC_MESSAGES/nvda.po; do
  [ -e "$po" ] || continue
  lang="$(basename "$(dirname "$(dirname "$po")")")"
  mkdir -p "$stage/locale/$lang/LC_MESSAGES"
  if command -v msgfmt >/dev/null; then
    msgfmt -c -o "$stage/locale/$lang/LC_MESSAGES/nvda.mo" "$po"
  else
    echo "msgfmt is not installed (sudo apt-get install gettext): the add-on is built without its $lang messages" >&2
  fi
done

addon="$out/sightline-$version.nvda-addon"
rm -f "$addon"
(cd "$stage" && python3 -c '
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for folder, _, files in sorted(os.walk(".")):
        for name in sorted(files):
            path = os.path.join(folder, name)
            if "__pycache__" not in path:
                z.write(path, os.path.relpath(path, "."))
' "$addon")
echo "$addon"
