#!/usr/bin/env bash
# make bench-import: rows per second of `placement import` on a generated citizens CSV, against
# the sqlite3 shell's own CSV import of the same file into an empty untyped table (no validation,
# no constraints) in the same run; and peak memory at two file sizes (it must not grow with the file).
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-.build/release/placement}
ROWS=${ROWS:-1000000}
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }
for tool in time bc; do command -v $tool >/dev/null || { apt-get update -qq && apt-get install -y -qq $tool >/dev/null; }; done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

peak_kb() { grep "Maximum resident set size" "$1" | awk '{print $NF}'; }
seconds() { grep "Elapsed (wall clock)" "$1" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }'; }

run_size() {  # $1 = citizens wanted, $2 = label
  local dir="$work/$2"
  "$BIN" generate --municipalities all --citizens "$1" --out "$dir" >/dev/null
  local rows; rows=$(($(wc -l < "$dir/citizens.csv") - 1))
  # The peer: the SQLite shell's CSV import into an empty table.
  /usr/bin/time -v sqlite3 "$dir/shell.db" -cmd ".mode csv" ".import $dir/citizens.csv t" 2> "$dir/shell.time" >/dev/null
  # placement: the residences and places first (references), then the timed citizens import.
  "$BIN" init --municipality all --db "$dir/p.sqlite" >/dev/null
  "$BIN" import --db "$dir/p.sqlite" --as-of 2026-11-23 "$dir/residences.csv" "$dir/places.csv" >/dev/null
  /usr/bin/time -v "$BIN" import --db "$dir/p.sqlite" --as-of 2026-11-23 "$dir/citizens.csv" 2> "$dir/p.time" > "$dir/p.out" \
    || { cat "$dir/p.out" | tail -20; exit 1; }
  local ts tp; ts=$(seconds "$dir/shell.time"); tp=$(seconds "$dir/p.time")
  printf "%-8s %9d rows  sqlite3 .import %7.2f s %10.0f rows/s %7.0f MB   placement import %7.2f s %10.0f rows/s %7.0f MB   ratio %.2f\n" \
    "$2" "$rows" "$ts" "$(echo "$rows / $ts" | bc -l)" "$(echo "$(peak_kb "$dir/shell.time") / 1024" | bc -l)" \
    "$tp" "$(echo "$rows / $tp" | bc -l)" "$(echo "$(peak_kb "$dir/p.time") / 1024" | bc -l)" "$(echo "$ts / $tp" | bc -l)"
  rm -f "$dir"/*.db "$dir"/p.sqlite*
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m); ratio = placement rows/s ÷ sqlite3 rows/s"
run_size $((ROWS / 10)) small
run_size "$ROWS" large
