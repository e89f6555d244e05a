#!/usr/bin/env bash
# make bench-match: (1) the solver against OR-Tools on DIMACS instances (Benchmarks/flow/run.sh);
# (2) `placement match` end to end on a generated national world (98 municipalities planning
# together) against the peer of issue 15: OR-Tools solving the match's own cost stage alone
# (`match --export-instance`), in the same run; targets: at most 3x that peer's time and under
# 250 MB peak; (3) on the demo municipality, target under 0.5 s.
# PEER_PYTHON: a python with ortools (default: the one section (1) installs).
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-.build/release/placement}
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== (1) solver vs OR-Tools =="
SOLVER_CMD="$BIN solve --timing" bash Benchmarks/flow/run.sh

match_timed() {  # $1 = db, $2 = label, $3 = target
  /usr/bin/time -v "$BIN" match --db "$1" --as-of 2026-11-23 --json > "$work/out.json" 2> "$work/time.txt"
  local wall rss cpu
  wall=$(grep "Elapsed (wall clock)" "$work/time.txt" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(grep "Maximum resident set size" "$work/time.txt" | awk '{print $NF}')
  # CPU seconds (user + system): on a machine shared with other builds the wall clock says more
  # about the load than about the run.
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$work/time.txt")
  python3 - "$work/out.json" "$2" "$wall" "$rss" "$3" "$cpu" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); t = r["totals"]
print(f"{sys.argv[2]:<10} waiting {t['waiting']:>6}  own {t['place_own']:>5}  external {t['buy_external']:>5}  home {t['bring_home']:>4}  no fit {t['no_fit']:>4}"
      f"   {float(sys.argv[3]):6.2f} s wall, {float(sys.argv[6]):6.2f} s CPU (target {sys.argv[5]})   peak {int(sys.argv[4])/1024:6.0f} MB")
PY
}

echo "load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
echo "== (2) national world: 98 municipalities planning together =="
"$BIN" generate --municipalities all --history-years 1 --out "$work/national" >/dev/null
"$BIN" init --municipality all --db "$work/national.sqlite" >/dev/null
"$BIN" import --db "$work/national.sqlite" --as-of 2026-11-23 "$work"/national/*.csv | tail -1
match_timed "$work/national.sqlite" national "3x OR-Tools, below"
national_cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$work/time.txt")
national_kb=$(grep "Maximum resident set size" "$work/time.txt" | awk '{print $NF}')

# The peer: OR-Tools solving the cost stage of the same match (exported by a second run on a copy,
# so the timed run above keeps no networks), CPU seconds of its Solve() alone.
cp "$work/national.sqlite" "$work/export.sqlite"
"$BIN" match --db "$work/export.sqlite" --as-of 2026-11-23 --export-instance "$work/cost.min" --json > /dev/null
peer_python=${PEER_PYTHON:-Benchmarks/flow/.venv-bench/bin/python}
"$peer_python" Benchmarks/flow/ortools_peer.py "$work/cost.min" > "$work/peer.txt"
python3 - "$national_cpu" "$national_kb" "$work/peer.txt" <<'PY'
import sys
cpu, kb = float(sys.argv[1]), int(sys.argv[2])
lines = open(sys.argv[3]).read().split("\n")
peer = float(next(l.split()[-1] for l in lines if l.startswith("c solve-cpu-seconds:")))
ratio = cpu / peer
mb = kb / 1024
print(f"national   OR-Tools on the exported cost stage alone: {peer:.2f} s CPU; the whole match {cpu:.2f} s CPU = {ratio:.2f}x"
      f" (target 3x: {'pass' if ratio <= 3 else 'MISS'}); peak {mb:.0f} MB (target 250 MB: {'pass' if mb < 250 else 'MISS'})")
PY

echo "== (3) demo municipality (seeds/) =="
"$BIN" init --municipality 615 --db "$work/demo.sqlite" >/dev/null
"$BIN" import --db "$work/demo.sqlite" --as-of 2026-11-23 seeds/*.csv | tail -1
match_timed "$work/demo.sqlite" demo "0.5 s"
