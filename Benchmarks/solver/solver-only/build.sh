#!/usr/bin/env bash
# Builds the solver-only stand-in for `placement solve` (see main.swift) into $OUT
# (default $TMPDIR/placement-solver-only), with the same optimisation as a release build and
# debug info for `perf`. Use it as SOLVER=... for bench.py.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
out="${OUT:-${TMPDIR:-/tmp}/placement-solver-only}"
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
# From the temporary folder: swiftc leaves module files (FlowSolverOnly-1.swiftmodule, ...) in
# the folder it runs in, which must not be the checkout.
(cd "${TMPDIR:-/tmp}" && swiftc -O -wmo -g -module-name FlowSolverOnly "$root"/Sources/FlowSolver/*.swift "$here/main.swift" -o "$out")
echo "$out"
