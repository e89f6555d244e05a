#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer targets of Fuzz/Package.swift with the fuzzer and address
# sanitizers and runs each for FUZZ_SECONDS (default 60), at priority FUZZ_NICE (default 19:
# the machine is shared), then prints per target the executions, libFuzzer's coverage (cov:
# edges, ft: features), the crash files, the seconds, executions per second and the mean
# 1-minute load average during the run. New inputs go to Fuzz/.work/<target>/ (not
# committed); the committed seeds in Fuzz/Corpus/<target>/ are read only. A crash, leak,
# timeout or out-of-memory leaves Fuzz/.work/<target>/{crash,leak,timeout,oom}-* and makes the
# run fail: turn it into a test in the normal suite, fix it, delete the file.
# FUZZ_NO_BUILD=1 runs the binaries already built, as they are (while another build is running).
#   FUZZ_SECONDS=600 FUZZ_TARGETS="csv dimacs" make fuzz
set -uo pipefail
cd "$(dirname "$0")"
SECONDS_PER_TARGET=${FUZZ_SECONDS:-60}
TARGETS=${FUZZ_TARGETS:-"csv xlsx xlsx-parts dimacs policy scenario demand import"}
CONFIG=${FUZZ_CONFIG:-release}
NICE=${FUZZ_NICE:-19}
SWIFT=${SWIFT:-swift}
# lld: gold fails on the sanitizer runtime (an internal error in dwarf_reader.cc).
FLAGS=(-c "$CONFIG" -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld)

product() {
  case "$1" in
    csv) echo FuzzCSV ;; xlsx) echo FuzzXLSX ;; xlsx-parts) echo FuzzXLSXParts ;; import) echo FuzzImport ;;
    scenario) echo FuzzScenario ;; policy) echo FuzzPolicy ;; demand) echo FuzzDemand ;; dimacs) echo FuzzDIMACS ;;
    *) echo "unknown fuzz target $1" >&2; return 1 ;;
  esac
}

# Leak detection is on for every target, per input (libFuzzer's -detect_leaks) and at exit
# (LeakSanitizer, ASAN_OPTIONS). The leaks that are Foundation's, not this project's, are
# suppressed by name in lsan.supp, each with the reason; any other leak is a finding.
export ASAN_OPTIONS="detect_leaks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export LSAN_OPTIONS="suppressions=$PWD/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

mkdir -p .work
if [ -n "${FUZZ_NO_BUILD:-}" ]; then
  bin=.build/$CONFIG  # SwiftPM's link to the configuration's folder (asking swift would wait for the build's lock)
else
  bin=$(nice -n "$NICE" "$SWIFT" build "${FLAGS[@]}" --show-bin-path) || exit 1
fi
status=0
total=0
summary=()
for t in $TARGETS; do
  p=$(product "$t") || exit 1
  built=0
  if [ -z "${FUZZ_NO_BUILD:-}" ]; then
    echo "== $t ($p): building"
    nice -n "$NICE" "$SWIFT" build "${FLAGS[@]}" --product "$p" >".work/$t.build.log" 2>&1
    built=$?
  fi
  [ "$built" -eq 0 ] && [ -x "$bin/$p" ] || { echo "$p did not build (Fuzz/.work/$t.build.log):" >&2; grep -E "error" ".work/$t.build.log" | head -5 >&2; status=1; continue; }
  mkdir -p ".work/$t"
  log=".work/$t.log"
  echo "== $t: fuzzing for ${SECONDS_PER_TARGET}s at nice $NICE"
  # The 1-minute load average every 10 s, for the summary: executions depend on what else runs.
  loads=".work/$t.load"
  cut -d' ' -f1 /proc/loadavg >"$loads"
  ( while sleep 10; do cut -d' ' -f1 /proc/loadavg; done >>"$loads" ) &
  sampler=$!
  started=$(date +%s)
  # Where Foundation or TOMLKit leaks on nearly every input (an XMLParser error, an aborted
  # parse, any TOML file: lsan.supp), libFuzzer's leak check after each input runs
  # LeakSanitizer's whole scan every time (xlsx-parts: 3 inputs a second instead of 27;
  # scenario: 15 instead of 130). There only the check at exit runs, which fails the run on
  # any leak lsan.supp does not name; elsewhere both run.
  perinput=1
  case "$t" in xlsx|xlsx-parts|scenario|import) perinput=0 ;; esac
  # -rss_limit_mb: a reader must not need more than 2 GB for an input of at most 64 KB.
  nice -n "$NICE" "$bin/$p" ".work/$t" "Corpus/$t" -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 \
    -rss_limit_mb=2048 -timeout=20 -detect_leaks=$perinput -print_final_stats=1 -artifact_prefix=".work/$t/" >"$log" 2>&1
  rc=$?
  seconds=$(( $(date +%s) - started ))
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null
  load=$(awk '{ s += $1; n++ } END { if (n) printf "%.1f", s / n }' "$loads")
  execs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  cov=$(sed -nE 's/.*cov: ([0-9]+).*/\1/p' <<<"$last")
  ft=$(sed -nE 's/.*ft: ([0-9]+).*/\1/p' <<<"$last")
  crashes=$(ls ".work/$t" | grep -cE '^(crash|leak|timeout|oom)-' || true)
  rate=$(( ${execs:-0} / (seconds > 0 ? seconds : 1) ))
  total=$(( total + ${execs:-0} ))
  summary+=("$(printf '%-11s %12s %7s %7s %8s %8s %8s %6s' "$t" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$crashes" "$seconds" "$rate" "$load")")
  if [ "$rc" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    status=1
    echo "!! $t: libFuzzer exit $rc, $crashes crash file(s) in Fuzz/.work/$t; see Fuzz/$log" >&2
    grep -E 'ERROR|Fatal error|SUMMARY|deadly' "$log" | head -5 >&2
  fi
done
printf '\n%-11s %12s %7s %7s %8s %8s %8s %6s\n' target executions cov ft crashes seconds exec/s load
printf '%s\n' "${summary[@]}"
printf '%-11s %12s\n' total "$total"
exit $status
