#!/usr/bin/env bash
# Opens entry workbooks the way a department would, in LibreOffice, and prints them to PDF:
# proof that the files `gyokaku template` writes open cleanly (LibreOffice refuses a file it
# cannot load, and headless it never waits on a repair prompt). Needs `soffice` (Debian package
# libreoffice-calc); without it the script says so and exits 0.
#
#   scripts/open-workbook.sh [OUT_DIR]        # writes OUT_DIR/*.xlsx and OUT_DIR/*.pdf
#
# Optionally, with pdftoppm (poppler-utils), the first page of each PDF as a PNG to look at.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v soffice > /dev/null; then
  echo "open-workbook: soffice not found (apt-get install libreoffice-calc); skipped"
  exit 0
fi

out="${1:-$(mktemp -d)}"
mkdir -p "$out"
gyokaku=(cargo run --release --quiet --)

"${gyokaku[@]}" template --year R6 --item-sheets --output "$out/R6_all.xlsx" > /dev/null
"${gyokaku[@]}" template --year R6 --department 企画部 --output "$out/R6_企画部.xlsx" > /dev/null

# A private profile, so that a desktop LibreOffice running meanwhile is not disturbed.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
for book in "$out"/*.xlsx; do
  pdf="${book%.xlsx}.pdf"
  rm -f "$pdf"
  timeout 300 soffice -env:UserInstallation="file://$profile" --headless --norestore \
    --convert-to pdf --outdir "$out" "$book" > /dev/null 2>&1 || true
  if [ ! -s "$pdf" ]; then
    echo "open-workbook: LibreOffice could not open $book" >&2
    exit 1
  fi
  if command -v pdfinfo > /dev/null; then
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
    echo "open-workbook: $book → $pdf ($pages pages)"
  else
    echo "open-workbook: $book → $pdf"
  fi
  if command -v pdftoppm > /dev/null; then
    pdftoppm -r 80 -png -f 1 -l 1 "$pdf" "${book%.xlsx}"
  fi
done
