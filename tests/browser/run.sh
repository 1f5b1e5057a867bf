#!/usr/bin/env bash
# The workbench in a real browser: starts `gyokaku serve` on a copy of the bundled plan and
# rules (target/browser/work) and drives Debian's chromium through playwright-core
# (workbench.mjs): the dashboard, the item filters, an edit of the B band in the playground,
# a review, an import with one bad cell. Screenshots of each page in target/browser/*.png.
# Needs chromium, node, npm and python3; the gyokaku binary is $GYOKAKU_BIN (default the release one).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
bin=${GYOKAKU_BIN:-$root/target/release/gyokaku}
work=$root/target/browser/work
shots=$root/target/browser
rm -rf "$work"
rm -f "$shots"/*.png
mkdir -p "$work/plans"
cp -r plans/isehara-6 "$work/plans/"
cp -r rules "$work/rules"

# A returned workbook of 企画部 with one bad cell: 5人 for an indicator counted in 件.
"$bin" template "$work/plans/isehara-6" --year R6 --department 企画部 \
  --output "$work/R6_template.xlsx" > /dev/null
python3 tests/browser/make-workbook.py "$work/R6_template.xlsx" "$work/R6_企画部.xlsx" \
  J6=1 J5=5人

(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error > /dev/null)

GYOKAKU_CACHE_DIR="$work/cache" "$bin" serve "$work/plans/isehara-6" > "$work/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2> /dev/null || true' EXIT
address=
for _ in $(seq 1 200); do
  address=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$work/serve.log" | head -n 1 || true)
  [ -n "$address" ] && break
  sleep 0.1
done
if [ -z "$address" ]; then
  echo "gyokaku serve did not start:" >&2
  cat "$work/serve.log" >&2
  exit 1
fi

CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser)} \
  GYOKAKU_URL=$address GYOKAKU_WORK=$work GYOKAKU_BAD_WORKBOOK="$work/R6_企画部.xlsx" \
  GYOKAKU_SHOTS=$shots node tests/browser/workbench.mjs
