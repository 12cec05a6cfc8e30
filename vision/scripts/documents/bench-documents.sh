#!/usr/bin/env bash
# Prepares the document benchmark (vision DocumentBenchmark) from PDFs that Debian ships in /usr/share/doc:
#   NAME.pdf                 a few pages of the shipped PDF (text layer), the truth read from it by pdftotext -raw
#   NAME.scanDPI.pdf         the same pages as a scan: rendered at DPI, grey, turned 0.6 degrees, Gaussian noise,
#                            packed back into a PDF without a text layer (img2pdf)
#   NAME.scanDPI.ocrmypdf.pdf + .seconds   ocrmypdf's (Tesseract's) reading of the scan and the time it took
# Needs apt poppler-utils img2pdf ocrmypdf imagemagick (Debian's convert: it works on PNG; its policy refuses PDF).
# Usage: vision/scripts/documents/bench-documents.sh [OUT_DIR]   (default /work/data-documents/bench)
#   SKIP_OCRMYPDF=1 makes the samples and scans only (ocrmypdf takes about 30 s a page); the benchmark then
#   reports Sightline alone on the scans, and ocrmypdf's published numbers stand.
set -euo pipefail
out="${1:-/work/data-documents/bench}"
mkdir -p "$out"

sample() { # NAME SOURCE FIRST LAST
  local name=$1 src=$2 first=$3 last=$4 full="$out/$1.full.pdf"
  [ -f "$out/$name.pdf" ] && return
  src="/usr/share/doc/$src"
  case "$src" in *.gz) zcat "$src" >"$full" ;; *) cp "$src" "$full" ;; esac
  pdfseparate -f "$first" -l "$last" "$full" "$out/$name-part-%d.pdf" 2>/dev/null
  # shellcheck disable=SC2046
  pdfunite $(ls "$out/$name"-part-*.pdf | sort -V) "$out/$name.pdf" 2>/dev/null
  rm -f "$out/$name"-part-*.pdf "$full"
}

scan() { # NAME DPI
  local name=$1 dpi=$2 tmp
  [ -f "$out/$name.scan$dpi.pdf" ] && return
  tmp=$(mktemp -d)
  pdftoppm -r "$dpi" -gray -png "$out/$name.pdf" "$tmp/p"
  for p in "$tmp"/p*.png; do
    /usr/bin/convert-im6.q16 "$p" -background white -rotate 0.6 -seed 7 -attenuate 0.35 +noise Gaussian \
      -colorspace Gray -units PixelsPerInch -density "$dpi" "$p"
  done
  # shellcheck disable=SC2046
  img2pdf $(ls "$tmp"/p*.png | sort -V) -o "$out/$name.scan$dpi.pdf"
  rm -rf "$tmp"
}

ocrmypdf_read() { # NAME DPI
  local scan="$out/$1.scan$2.pdf" result="$out/$1.scan$2.ocrmypdf.pdf"
  [ -f "$result" ] && return
  [ "${SKIP_OCRMYPDF:-0}" = 1 ] && return
  if ! command -v ocrmypdf >/dev/null; then echo "ocrmypdf is not installed: no comparison on scans" >&2; return; fi
  /usr/bin/time -f "%e" -o "$result.seconds" ocrmypdf -q -l eng --output-type pdf --optimize 0 "$scan" "$result"
}

sample debmake debmake-doc/debmake-doc.en.pdf 20 23
sample policy debian-policy/policy.pdf.gz 30 33
sample fhs debian-policy/fhs/fhs-3.0.pdf.gz 10 13
sample nettle nettle-dev/nettle.pdf.gz 20 23
sample fontconfig fontconfig/fontconfig-user.pdf.gz 3 6
sample octave octave/octave.pdf 100 103
sample refcard octave/refcard-a4.pdf 1 3

for name in debmake policy nettle; do
  for dpi in 300 150; do
    scan "$name" "$dpi"
    ocrmypdf_read "$name" "$dpi"
  done
done
ls -l "$out"
