#!/usr/bin/env bash
# make bench-concurrency: how long `status` and `report weekly` take while a national import is
# writing, against the same commands on the same database with nothing else running (the peer,
# same run; ratio 1.00 = not slowed at all), and what a second writer (`policy set`) gets.
# PEER_BIN runs the same for another build of placement (e.g. an older one) in the same run.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-.build/release/placement}
AS_OF=2026-11-23
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$BIN" generate --municipalities all --as-of $AS_OF --out "$work/world" >/dev/null
"$BIN" init --municipality all --db "$work/base.sqlite" >/dev/null
"$BIN" import --db "$work/base.sqlite" --as-of $AS_OF "$work/world/residences.csv" "$work/world/places.csv" >/dev/null

seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >"$work/out" 2>&1 || true; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }

measure() {  # $1 = program
  local bin=$1 db="$work/t.sqlite"
  rm -f "$db" "$db"-*; cp "$work/base.sqlite" "$db"
  local s_idle r_idle; s_idle=$(seconds "$bin" status --db "$db" --as-of $AS_OF)
  r_idle=$(seconds "$bin" report weekly --db "$db" --as-of $AS_OF)
  "$bin" import --db "$db" --as-of $AS_OF "$work/world/citizens.csv" "$work/world/placements.csv" >/dev/null 2>&1 &
  local pid=$!
  # Writing: the WAL grows past 1 MB.
  while [ "$(stat -c %s "$db-wal" 2>/dev/null || echo 0)" -lt 1000000 ]; do sleep 0.2; done
  local s_busy r_busy p_busy; s_busy=$(seconds "$bin" status --db "$db" --as-of $AS_OF); local s_out; s_out=$(head -c 70 "$work/out" | tr '\n' ' ')
  r_busy=$(seconds "$bin" report weekly --db "$db" --as-of $AS_OF)
  p_busy=$(PLACEMENT_WAIT_SECONDS=2 seconds "$bin" policy set allowed_wait_days 45 --db "$db"); local p_out; p_out=$(cat "$work/out")
  local still=no; kill -0 "$pid" 2>/dev/null && still=yes
  wait "$pid"
  echo "$bin (import still writing after the readers: $still)"
  printf "  status         alone %6.2f s, during the import %6.2f s, ratio %.2f: %s\n" "$s_idle" "$s_busy" "$(echo "$s_busy / $s_idle" | bc -l)" "$s_out"
  printf "  report weekly  alone %6.2f s, during the import %6.2f s, ratio %.2f\n" "$r_idle" "$r_busy" "$(echo "$r_busy / $r_idle" | bc -l)"
  printf "  policy set     during the import %6.2f s: %s\n" "$p_busy" "$p_out"
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg); world: $(sqlite3 -readonly "$work/base.sqlite" "SELECT COUNT(*) FROM residence") residences, $(($(wc -l < "$work/world/citizens.csv") - 1)) citizens imported while the readers run"
measure "$BIN"
if [ -n "${PEER_BIN:-}" ]; then measure "$PEER_BIN"; fi
