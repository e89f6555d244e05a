#!/bin/bash
# Renders the weekly report of the demo municipality with headless Chromium, as a person
# would see it: a screenshot of the page (PNG) and the printed A4 pages (PDF, and each page
# as PNG with pdftoppm), so the charts and tables can be looked at on screen and in print.
# Not part of `make test`.
#
#   bash Benchmarks/report/render.sh [REPORT.html or ""] [OUTDIR]
#
# Without REPORT.html it builds the demo database (like `make demo`) in OUTDIR and writes
# the report of the last complete week of the seed date. Installs Debian's chromium and
# poppler-utils when they are missing. OUTDIR defaults to .build/report-render.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-.build/release/placement}
SEED_DATE=${SEED_DATE:-2026-11-23}
WEEK=${WEEK:-2026-W47}
RUN_DATE=${RUN_DATE:-2026-11-20}
OUT=${2:-.build/report-render}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} (Debian packages)…"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}") >/dev/null
fi

if [ -n "${1:-}" ]; then
  FILES=("$(cd "$(dirname "$1")" && pwd)/$(basename "$1")")
else
  [ -x "$BIN" ] || { echo "No $BIN: run 'make build' first (or set BIN)." >&2; exit 1; }
  DB="$OUT/demo.sqlite"
  rm -f "$DB" "$DB-wal" "$DB-shm"
  "$BIN" init --municipality 615 --db "$DB" >/dev/null
  "$BIN" import --db "$DB" --as-of "$SEED_DATE" seeds/residences.csv seeds/places.csv seeds/citizens.csv seeds/placements.csv >/dev/null
  # A match run during the week, so the waiting list shows proposals.
  "$BIN" match --db "$DB" --as-of "$RUN_DATE" >/dev/null || true
  FILES=("$OUT/weekly-report.html" "$OUT/weekly-report-public.html" "$OUT/weekly-report-en.html")
  "$BIN" report weekly --db "$DB" --week "$WEEK" --out "${FILES[0]}" >/dev/null
  "$BIN" report weekly --db "$DB" --week "$WEEK" --public --out "$OUT/weekly-report-public.html" >/dev/null
  "$BIN" report weekly --db "$DB" --week "$WEEK" --lang en --out "$OUT/weekly-report-en.html" >/dev/null
fi

# The report must not load anything from the network: no http(s) URLs in src/href/url().
for f in "${FILES[@]}"; do
  if grep -Eo '(src|href)="https?:[^"]*"|url\(https?:[^)]*\)|<script|@import' "$f"; then
    echo "$f refers to network resources or scripts." >&2; exit 1
  fi
done

# Headless Chromium now and then hangs after its work is done: give each run a minute.
CHROME=(timeout 60 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run
        --disable-background-networking --disable-component-update --run-all-compositor-stages-before-draw
        --virtual-time-budget=2000)
for f in "${FILES[@]}"; do
  b=$(basename "$f" .html)
  # Screen: the first screenful of a desktop window, and a tall one with most of the page.
  "${CHROME[@]}" --window-size=1280,1600 --screenshot="$OUT/$b-screen.png" "file://$f" 2>/dev/null || true
  "${CHROME[@]}" --window-size=1280,9000 --screenshot="$OUT/$b-screen-long.png" "file://$f" 2>/dev/null || true
  # Print: A4 pages with the print styles; each page as a PNG at 110 dpi.
  "${CHROME[@]}" --no-pdf-header-footer --print-to-pdf="$OUT/$b.pdf" "file://$f" 2>/dev/null || true
  rm -f "$OUT/$b-page"-*.png
  pdftoppm -png -r 110 "$OUT/$b.pdf" "$OUT/$b-page"
  echo "$OUT/$b-screen.png $OUT/$b-screen-long.png"
  echo "$OUT/$b.pdf ($(ls "$OUT/$b-page"-*.png | wc -l) pages: $OUT/$b-page-*.png)"
done
