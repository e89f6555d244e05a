#!/usr/bin/env bash
# Benchmarks `placement plan`: 500 simulation runs x 5 years for the baseline and 3 scenarios,
# on the demo municipality (seeds/, Horsens) and on a generated cluster of 10 municipalities.
# Targets (issue 15; not a timed test): demo under 5 s, cluster under 60 s, on this machine's 2 cores.
#
# Environment:
#   PLACEMENT  the binary (default .build/release/placement)
#   RUNS       simulated runs per scenario (default 500)
#   ONLY       'demo' or 'cluster' to run one
#   KEEP       if set, keep the generated databases (their folder is printed)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="${PLACEMENT:-$root/.build/release/placement}"
runs="${RUNS:-500}"
only="${ONLY:-}"
asof=2026-11-23
scenarios=(--scenario "$root/seeds/scenario-example.toml" --scenario "$here/scenario-close.toml" --scenario "$here/scenario-growth.toml")

work="$(mktemp -d "${TMPDIR:-/tmp}/plan-bench.XXXXXX")"
if [[ -z "${KEEP:-}" ]]; then trap 'rm -rf "$work"' EXIT; else echo "databases in $work" >&2; fi

# plan NAME DB: times the plan and prints one line of figures.
plan() {
    local name="$1" db="$2" start end
    start=$(date +%s.%N)
    "$bin" plan --db "$db" --as-of "$asof" --runs "$runs" --timing "${scenarios[@]}" --format json --out "$work/$name.json" \
        >/dev/null 2>"$work/$name.err"
    end=$(date +%s.%N)
    printf '%-8s %s  wall %.1f s\n' "$name" "$(grep -o 'plan: .*' "$work/$name.err")" "$(echo "$end - $start" | bc)"
}

echo "placement plan: $runs runs x 5 years x (baseline + 3 scenarios), $(nproc) cores"
if [[ -z "$only" || "$only" == demo ]]; then
    "$bin" init --municipality 615 --db "$work/demo.sqlite" >/dev/null
    "$bin" import --db "$work/demo.sqlite" --as-of "$asof" "$root"/seeds/{residences,places,citizens,placements}.csv >/dev/null
    plan demo "$work/demo.sqlite"
fi
if [[ -z "$only" || "$only" == cluster ]]; then
    # Horsens and nine neighbours (the scenario files name Horsens' residences).
    codes=615,766,621,630,657,661,671,707,727,740
    "$bin" generate --seed 1 --municipalities "$codes" --as-of "$asof" --out "$work/cluster" >/dev/null
    "$bin" init --municipality "$codes" --db "$work/cluster.sqlite" >/dev/null
    "$bin" import --db "$work/cluster.sqlite" --as-of "$asof" "$work"/cluster/{residences,places,citizens,placements}.csv >/dev/null
    plan cluster "$work/cluster.sqlite"
fi
