#!/usr/bin/env bash
# make bench-simulate: a year's replay (`placement simulate`, the stored policy and one more) on
# the demo and on a generated national world (98 municipalities planning together). Targets:
# demo under 5 s, national under 2 minutes. Peer: the same number of weekly `placement match`
# runs the planners would have made that year (one match timed, times the weeks), since a
# replay is at heart a match a week.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-.build/release/placement}
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config"
FROM=2025-11-24 TO=2026-11-23 WEEKS=53

timed() {  # $1 = label, rest = command; prints "wall_seconds peak_MB"
  local label=$1; shift
  /usr/bin/time -v "$@" > "$work/out.txt" 2> "$work/time.txt"
  local wall rss
  wall=$(grep "Elapsed (wall clock)" "$work/time.txt" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(grep "Maximum resident set size" "$work/time.txt" | awk '{print $NF}')
  echo "$wall $((rss / 1024))"
}

bench() {  # $1 = db, $2 = label, $3 = target seconds
  read -r sim_s sim_mb < <(timed simulate "$BIN" simulate --db "$1" --from $FROM --to $TO --policy seeds/policy-wait-longer.policy --summary)
  read -r match_s _ < <(timed match "$BIN" match --db "$1" --as-of $TO --json)
  python3 - "$2" "$sim_s" "$sim_mb" "$match_s" "$3" "$WEEKS" <<'PY'
import sys
label, sim, mb, match, target, weeks = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
peer = 2 * weeks * match  # two policies, a match a week each
verdict = "meets" if sim < target else "MISSES"
print(f"{label:<9} replay of 2 policies x {weeks} weeks {sim:7.2f} s, peak {mb:5d} MB  (target {target:.0f} s: {verdict})"
      f"   peer {2 * weeks} x match {peer:7.2f} s   ratio {sim / peer:5.2f}")
PY
}

echo "== demo municipality (seeds/) =="
"$BIN" init --municipality 615 --db "$work/demo.sqlite" >/dev/null 2>&1
"$BIN" import --db "$work/demo.sqlite" --as-of $TO seeds/residences.csv seeds/places.csv seeds/citizens.csv seeds/placements.csv | tail -1
bench "$work/demo.sqlite" demo 5

echo "== national world: 98 municipalities planning together =="
"$BIN" generate --municipalities all --history-years 1 --out "$work/national" >/dev/null
"$BIN" init --municipality all --db "$work/national.sqlite" >/dev/null 2>&1
"$BIN" import --db "$work/national.sqlite" --as-of $TO "$work"/national/residences.csv "$work"/national/places.csv \
  "$work"/national/citizens.csv "$work"/national/placements.csv | tail -1
bench "$work/national.sqlite" national 120
