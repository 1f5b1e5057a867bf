#!/usr/bin/env bash
# Renders the HTML report to PNG in headless Chromium: the page must lay out (tables, SVG
# charts) in a real browser engine, offline.
#
#   scripts/render-html.sh [PLAN] [OUT_DIR]
#
# Writes OUT_DIR/report.html and OUT_DIR/report.png (default OUT_DIR: target/render), and
# OUT_DIR/report.pdf (printed by `gyokaku report --output report.pdf`, as a user would). Needs
# `chromium` (Debian package) on PATH; exits 2 when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

plan="${1:-plans/isehara-6}"
out="${2:-target/render}"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "render-html: chromium is not installed" >&2
  exit 2
fi

mkdir -p "$out"
cargo run --release --quiet -- report "$plan" --output "$out/report.html"

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --user-data-dir="$profile")
page="file://$(realpath "$out/report.html")"

timeout 120 "$browser" "${flags[@]}" --window-size=900,2400 \
  --screenshot="$out/report.png" "$page" 2>/dev/null
cargo run --release --quiet -- report "$plan" --output "$out/report.pdf"

# A PNG starts with its 8-byte signature; a blank or failed render is a few hundred bytes.
if ! head -c 8 "$out/report.png" | cmp -s - <(printf '\x89PNG\r\n\x1a\n'); then
  echo "render-html: $out/report.png is not a PNG" >&2
  exit 1
fi
size=$(stat -c %s "$out/report.png")
if [ "$size" -lt 20000 ]; then
  echo "render-html: $out/report.png is only $size bytes: the page did not render" >&2
  exit 1
fi
if ! head -c 5 "$out/report.pdf" | grep -q '%PDF-'; then
  echo "render-html: $out/report.pdf is not a PDF" >&2
  exit 1
fi
echo "render-html: $out/report.png ($size bytes) and $out/report.pdf"
