#!/usr/bin/env bash
# make crash-test: kill -9 `placement import`, `placement match` and `placement accept` at
# random moments, and after each kill check that the database passes `placement check` and
# is wholly in the state before the command or wholly in the state after it (counts of
# citizens, waiting, stays, waiting periods, runs, proposals, accepted and audit entries).
# KILLS sets the kills per command (default 40), SEED the random moments, BIN the program.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-.build/release/placement}
KILLS=${KILLS:-40}
RANDOM=${SEED:-1}
AS_OF=2026-11-23
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }
command -v flock >/dev/null || { apt-get update -qq && apt-get install -y -qq util-linux >/dev/null; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

state() {
  sqlite3 -readonly "$1" "SELECT (SELECT COUNT(*) FROM citizen) || ' citizens, ' || (SELECT COUNT(*) FROM citizen WHERE status = 'waiting')
    || ' waiting, ' || (SELECT COUNT(*) FROM placement) || ' stays, ' || (SELECT COUNT(*) FROM waiting_period) || ' waiting periods, '
    || (SELECT COUNT(*) FROM match_run) || ' runs, ' || (SELECT COUNT(*) FROM proposal) || ' proposals, '
    || (SELECT COUNT(*) FROM proposal WHERE status = 'accepted') || ' accepted, ' || (SELECT COUNT(*) FROM audit_log) || ' audit entries'"
}

now_ms() { date +%s%3N; }

# The known states: an empty database, the demo municipality imported, matched, accepted, and
# the imported state restored over the accepted one.
"$BIN" init --municipality 615 --db "$work/empty.sqlite" >/dev/null
cp "$work/empty.sqlite" "$work/imported.sqlite"
files="seeds/residences.csv seeds/places.csv seeds/citizens.csv seeds/placements.csv"
"$BIN" import --db "$work/imported.sqlite" --as-of $AS_OF $files >/dev/null
cp "$work/imported.sqlite" "$work/matched.sqlite"
"$BIN" match --db "$work/matched.sqlite" --as-of $AS_OF >/dev/null
cp "$work/matched.sqlite" "$work/accepted.sqlite"
# The run's proposals to place in own residences and to buy external places.
accepting=$(sqlite3 -readonly "$work/matched.sqlite" "SELECT citizen_id FROM proposal WHERE run_id = 1 AND action IN ('place_own', 'buy_external') ORDER BY priority" | tr '\n' ' ')
"$BIN" accept 1 $accepting --db "$work/accepted.sqlite" >/dev/null
# Restoring the imported state over the accepted one.
cp "$work/accepted.sqlite" "$work/restored.sqlite"
"$BIN" restore "$work/imported.sqlite" --db "$work/restored.sqlite" >/dev/null

echo "machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg); program $BIN; $KILLS kills per command, seed ${SEED:-1}"
failures=0
# $1 = name, $2 = database before, $3 = database after, rest = the command's arguments.
crash() {
  local name=$1 before=$2 after=$3; shift 3
  local want_before want_after; want_before=$(state "$before"); want_after=$(state "$after")
  # How long the command takes when left alone, so kills fall anywhere in it.
  cp "$before" "$work/t.sqlite"
  local t0 t1; t0=$(now_ms); "$BIN" "$@" --db "$work/t.sqlite" >/dev/null; t1=$(now_ms)
  local span=$(( (t1 - t0) * 11 / 10 + 1 ))
  local n_before=0 n_after=0 n_mid=0 n_writing=0
  for k in $(seq 1 "$KILLS"); do
    local db="$work/k.sqlite"
    rm -f "$db" "$db-wal" "$db-shm" "$db-writer" "$db"-restore-*
    cp "$before" "$db"
    local delay=$(( (RANDOM * 32768 + RANDOM) % span ))
    "$BIN" "$@" --db "$db" >/dev/null 2>&1 &
    local pid=$!
    sleep "$(awk "BEGIN { print $delay / 1000 }")"
    # Inside its write transaction the command holds a lock on its note (see WriterNote).
    local writing=0
    if [ -e "$db-writer" ] && ! flock -n -s "$db-writer" true 2>/dev/null; then writing=1; fi
    if kill -9 "$pid" 2>/dev/null; then n_mid=$((n_mid + 1)); n_writing=$((n_writing + writing)); fi
    wait "$pid" 2>/dev/null || true
    local check; check=$("$BIN" check --db "$db" --lang en 2>&1) || {
      echo "  $name kill $k at $delay ms: placement check failed: $check"; failures=$((failures + 1)); continue; }
    local got; got=$(state "$db")
    if [ "$got" = "$want_before" ]; then n_before=$((n_before + 1))
    elif [ "$got" = "$want_after" ]; then n_after=$((n_after + 1))
    else echo "  $name kill $k at $delay ms: neither before nor after: $got"; failures=$((failures + 1)); fi
  done
  printf "%-7s %3d kills over %5d ms (%3d while running, %3d of them inside the write transaction): %3d wholly before, %3d wholly after, check passed %3d\n" \
    "$name" "$KILLS" "$span" "$n_mid" "$n_writing" "$n_before" "$n_after" "$((n_before + n_after))"
  echo "        before: $want_before"
  echo "        after:  $want_after"
}

crash import "$work/empty.sqlite" "$work/imported.sqlite" import --as-of $AS_OF $files
crash match "$work/imported.sqlite" "$work/matched.sqlite" match --as-of $AS_OF
crash accept "$work/matched.sqlite" "$work/accepted.sqlite" accept 1 $accepting
crash restore "$work/accepted.sqlite" "$work/restored.sqlite" restore "$work/imported.sqlite"
if [ "$failures" -gt 0 ]; then echo "$failures failures"; exit 1; fi
echo "no failures"
