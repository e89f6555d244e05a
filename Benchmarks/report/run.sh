#!/usr/bin/env bash
# make bench-report: `placement report weekly` on a generated national world (98 municipalities
# planning together, three years of history), every format, seconds each. Target: under 2 s for
# HTML and for XLSX. A benchmark, not a test: it prints the figures and exits 0.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v bc >/dev/null || { apt-get update -qq && apt-get install -y -qq bc >/dev/null; }
BIN=${BIN:-.build/release/placement}
WEEK=${WEEK:-2026-W47}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== national world: 98 municipalities, 3 years of history =="
"$BIN" generate --municipalities all --history-years 3 --out "$work/national" >/dev/null
"$BIN" init --municipality all --db "$work/national.sqlite" >/dev/null
"$BIN" import --db "$work/national.sqlite" --as-of 2026-11-23 "$work"/national/*.csv | tail -1
# A match run, so the waiting list and the bring-home candidates carry proposals.
"$BIN" match --db "$work/national.sqlite" --as-of 2026-11-20 --json >/dev/null || echo "(match failed; reporting without proposals)"
python3 - "$work/national.sqlite" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
q = lambda s: c.execute(s).fetchone()[0]
print(f"history: {q('SELECT COUNT(*) FROM placement')} stays, {q('SELECT COUNT(*) FROM waiting_period')} waiting periods, "
      f"{q('SELECT COUNT(*) FROM place')} places, {q('SELECT COUNT(*) FROM residence')} residences, "
      f"{q('SELECT COUNT(*) FROM citizen')} citizens")
PY

[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
timed() {  # $1 = label, $2 = target seconds or "", rest = arguments
  local label=$1 target=$2; shift 2
  /usr/bin/time -f "%e %U %S" -o "$work/time.txt" \
    "$BIN" report weekly --db "$work/national.sqlite" --week "$WEEK" "$@" > "$work/stdout" 2> "$work/stderr" \
    || { cat "$work/stderr"; exit 1; }
  read -r wall user sys < "$work/time.txt"
  local size=""
  [ -n "${OUTFILE:-}" ] && [ -e "$OUTFILE" ] && size=$(du -sh "$OUTFILE" | cut -f1)
  printf "%-12s %6.2f s wall  %6.2f s cpu%s%s\n" "$label" "$wall" "$(echo "$user + $sys" | bc -l)" \
    "${target:+  (target $target s)}" "${size:+  ($size)}"
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== report weekly --week $WEEK, seconds per format =="
OUTFILE= timed text ""
OUTFILE="$work/r.html" timed html 2 --out "$work/r.html"
OUTFILE="$work/r.xlsx" timed xlsx 2 --out "$work/r.xlsx"
OUTFILE="$work/csv" timed csv "" --format csv --out "$work/csv"
OUTFILE="$work/r.md" timed md "" --out "$work/r.md"
OUTFILE="$work/r.json" timed json "" --out "$work/r.json"
OUTFILE="$work/p.html" timed html-public 2 --public --out "$work/p.html"
