#!/usr/bin/env bash
# make bench-import: rows per second of `placement import` on a generated citizens CSV, against
# two peers in the same run: the sqlite3 shell's own CSV import of the same file into an empty
# untyped table (no validation, no constraints), and the sqlite3 shell writing the rows our
# import wrote into our schema (constraints, triggers, indexes, audit; no parsing). Peak memory
# at two file sizes shows it does not grow with the file. ROWS sets the large size (default 1M).
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
# Processor time (user + system): on a machine shared with builds the wall clock mostly measures
# the wait for a core, and the load differs between the three timings of one size.
cpu() { awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$1"; }

# One world (residences and places) for both sizes, so that only the file's length differs.
world="$work/world"
"$BIN" generate --municipalities all --citizens "$ROWS" --out "$world" >/dev/null
"$BIN" init --municipality all --db "$world/world.sqlite" >/dev/null
"$BIN" import --db "$world/world.sqlite" --as-of 2026-11-23 "$world/residences.csv" "$world/places.csv" >/dev/null

run_size() {  # $1 = data rows of the world's citizens file to import, $2 = label
  local dir="$work/$2"
  mkdir -p "$dir"
  head -n $(($1 + 1)) "$world/citizens.csv" > "$dir/citizens.csv"
  local rows; rows=$(($(wc -l < "$dir/citizens.csv") - 1))
  # The peer: the SQLite shell's CSV import into an empty table.
  /usr/bin/time -v sqlite3 "$dir/shell.db" -cmd ".mode csv" ".import $dir/citizens.csv t" 2> "$dir/shell.time" >/dev/null
  # placement: into the world's residences and places.
  cp "$world/world.sqlite" "$dir/p.sqlite"
  cp "$world/world.sqlite" "$dir/before.sqlite"
  /usr/bin/time -v "$BIN" import --db "$dir/p.sqlite" --as-of 2026-11-23 "$dir/citizens.csv" 2> "$dir/p.time" > "$dir/p.out" \
    || { cat "$dir/p.out" | tail -20; exit 1; }
  # The second peer: the SQLite shell writing the very rows placement wrote (citizens, stays,
  # waiting periods, audit entries) into the same schema, set-based, with every constraint,
  # trigger and index: what SQLite itself costs for this file, without any parsing.
  /usr/bin/time -v sqlite3 "$dir/before.sqlite" "PRAGMA foreign_keys = ON; ATTACH '$dir/p.sqlite' AS done; BEGIN;
    DELETE FROM placement WHERE id NOT IN (SELECT id FROM done.placement);
    INSERT INTO citizen SELECT * FROM done.citizen;
    INSERT INTO citizen_residence_choice SELECT * FROM done.citizen_residence_choice;
    INSERT INTO placement SELECT * FROM done.placement WHERE id NOT IN (SELECT id FROM main.placement);
    INSERT INTO waiting_period SELECT * FROM done.waiting_period;
    INSERT INTO audit_log SELECT * FROM done.audit_log WHERE id > (SELECT COALESCE(MAX(id), 0) FROM main.audit_log);
    COMMIT;" 2> "$dir/typed.time" >/dev/null
  local ts tp tt; ts=$(seconds "$dir/shell.time"); tp=$(seconds "$dir/p.time"); tt=$(seconds "$dir/typed.time")
  mb() { echo "$(peak_kb "$1") / 1024" | bc -l; }
  local cs cp ct; cs=$(cpu "$dir/shell.time"); cp=$(cpu "$dir/p.time"); ct=$(cpu "$dir/typed.time")
  printf "%-6s %8d rows  sqlite3 .import (untyped) %6.2f s %8.0f rows/s %4.0f MB | sqlite3 same rows into our schema %6.2f s %8.0f rows/s %4.0f MB | placement import %6.2f s %8.0f rows/s %4.0f MB | ratios %.2f %.2f\n" \
    "$2" "$rows" "$ts" "$(echo "$rows / $ts" | bc -l)" "$(mb "$dir/shell.time")" \
    "$tt" "$(echo "$rows / $tt" | bc -l)" "$(mb "$dir/typed.time")" \
    "$tp" "$(echo "$rows / $tp" | bc -l)" "$(mb "$dir/p.time")" "$(echo "$ts / $tp" | bc -l)" "$(echo "$tt / $tp" | bc -l)"
  printf "       processor time (user + system): sqlite3 .import %6.2f s | same rows into our schema %6.2f s | placement import %6.2f s | ratios %.2f %.2f\n" \
    "$cs" "$ct" "$cp" "$(echo "$cs / $cp" | bc -l)" "$(echo "$ct / $cp" | bc -l)"
  echo "       after: $(sqlite3 "$dir/p.sqlite" "SELECT (SELECT COUNT(*) FROM citizen) || ' citizens, ' || (SELECT COUNT(*) FROM placement) || ' stays, ' || (SELECT COUNT(*) FROM waiting_period) || ' waiting periods, ' || (SELECT COUNT(*) FROM audit_log) || ' audit entries'")"
  rm -f "$dir"/*.db "$dir"/*.sqlite*
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), load $(cut -d' ' -f1 /proc/loadavg)"
echo "ratios = placement rows/s ÷ the shell's .import, and ÷ the shell writing the same rows into our schema (1.00 = as fast);"
echo "the same ratios of processor time follow each line (the fairer figure when the machine is loaded)"
run_size $((ROWS / 10)) small
run_size "$ROWS" large
echo "world: $(sqlite3 "$world/world.sqlite" "SELECT (SELECT COUNT(*) FROM residence) || ' residences, ' || (SELECT COUNT(*) FROM place) || ' places'")"
