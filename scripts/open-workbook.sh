#!/usr/bin/env bash
# Opens entry workbooks (the year's, and the plan sheet) the way a department would, in
# LibreOffice, and prints them to PDF:
# proof that the files `gyokaku template` writes open cleanly (LibreOffice refuses a file it
# cannot load, and headless it never waits on a repair prompt). Then reads every sheet of the
# workbook with item sheets as LibreOffice shows it (CSV) and checks that the year's 実績値,
# 実績効果額, 評価 and 取組実績 of every 進捗管理シート are blank, as nothing was entered:
# LibreOffice shows a formula's stored result, and a stored 0 would read as a reported 0.
# Needs `soffice` (Debian package libreoffice-calc); without it the script says so and exits 0.
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
"${gyokaku[@]}" template --plan-sheet --output "$out/計画入力.xlsx" > /dev/null 2>&1

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

# Every sheet as LibreOffice shows it (the last field of the CSV filter's options, -1, writes one
# file per sheet: R6_all-5-8-3.csv …).
csv="$out/csv"
rm -rf "$csv"
timeout 300 soffice -env:UserInstallation="file://$profile" --headless --norestore \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
  --outdir "$csv" "$out/R6_all.xlsx" > /dev/null 2>&1 || true
sheets=0
for sheet in "$csv"/R6_all-*.csv; do
  [ "$sheet" = "$csv/R6_all-実績入力.csv" ] && continue
  sheets=$((sheets + 1))
  # The year's row ends in three blank cells (実績値, 実績効果額, 評価); its 取組実績 is blank.
  if grep '^令和6年度,' "$sheet" | grep -qv ',,,$' || grep '^令和6年度の取組実績,' "$sheet" | grep -qv '^令和6年度の取組実績,*$'; then
    echo "open-workbook: LibreOffice shows a value nobody entered in $sheet:" >&2
    grep '^令和6年度' "$sheet" >&2
    exit 1
  fi
done
if [ "$sheets" = 0 ]; then
  echo "open-workbook: LibreOffice wrote no sheet of $out/R6_all.xlsx as CSV" >&2
  exit 1
fi
echo "open-workbook: $sheets 進捗管理シート show blank results in LibreOffice"
