#!/usr/bin/env bash
# Benchmarks FlowSolver against Google OR-Tools' SimpleMinCostFlow on seeded DIMACS instances.
#
# For each instance: generate it, solve it with our solver and with OR-Tools, check that both
# report the same optimal cost (exit 1 otherwise), and print a table of solve seconds, their
# ratio and peak memory. Only the solve itself is timed on both sides (each tool reports it);
# peak RSS covers the whole process, parsing included.
#
# Environment:
#   SOLVER_CMD  our solver; the DIMACS file is appended as the last argument. It must print the
#               DIMACS solution ('s COST' ...) on stdout and a line 'solve seconds: T' on stderr.
#               Default: 'placement solve --timing' (from PATH, else .build/release/placement).
#   SEED        instance seed (default 1)
#   SCALE       size multiplier for quick runs, e.g. 0.1 (default 1)
#   ONLY        'placement' or 'random' to run one family
#   REPEAT      solve each instance this many times with each solver and report the fastest
#               (default 1; the machine is shared, so best-of-3 is steadier)
#   KEEP        if set, keep the generated instances and logs (their folder is printed)
#
# OR-Tools is installed into Benchmarks/flow/.venv-bench on first use; it is never a dependency
# of the product.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Default: `placement` from PATH, else the package's own release build.
if [[ -z "${SOLVER_CMD:-}" ]]; then
    SOLVER_CMD="placement solve --timing"
    if ! command -v placement >/dev/null && [[ -x "$here/../../.build/release/placement" ]]; then
        SOLVER_CMD="$here/../../.build/release/placement solve --timing"
    fi
fi
SEED="${SEED:-1}"
SCALE="${SCALE:-1}"
ONLY="${ONLY:-}"
REPEAT="${REPEAT:-1}"

venv="$here/.venv-bench"
if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c "import ortools" 2>/dev/null; then
    echo "installing OR-Tools into $venv ..." >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet ortools
fi
python="$venv/bin/python"

work="$(mktemp -d "${TMPDIR:-/tmp}/flow-bench.XXXXXX")"
if [[ -z "${KEEP:-}" ]]; then
    trap 'rm -rf "$work"' EXIT
else
    echo "instances and logs in $work" >&2
fi

# measure NAME CMD... : runs CMD with stdout to $work/NAME.out and stderr to $work/NAME.err, and
# writes its peak resident set size in KiB to $work/NAME.rss.
measure() {
    local name="$1"; shift
    local status=0
    if [[ -x /usr/bin/time ]]; then
        /usr/bin/time -v -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err" || status=$?
        awk -F': ' '/Maximum resident set size/ {print $2}' "$work/$name.time" >"$work/$name.rss"
    else
        "$python" - "$work/$name" "$@" <<'PY' || status=$?
import resource, subprocess, sys
prefix, cmd = sys.argv[1], sys.argv[2:]
with open(prefix + ".out", "w") as out, open(prefix + ".err", "w") as err:
    code = subprocess.run(cmd, stdout=out, stderr=err).returncode
with open(prefix + ".rss", "w") as rss:
    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=rss)
sys.exit(code)
PY
    fi
    if [[ $status -ne 0 ]]; then
        echo "FAILED ($status): $*" >&2
        sed 's/^/    /' "$work/$name.err" >&2
        exit 1
    fi
}

cost_of() { awk '$1 == "s" {print $2; exit}' "$work/$1.out"; }
seconds_of() {
    grep -oiE 'solve[ _-]?seconds?[:= ]+[0-9.eE+-]+' "$work/$1.$2" | head -1 | grep -oE '[0-9.]+([eE][+-]?[0-9]+)?$'
}
fastest() { awk -v a="$1" -v b="$2" 'BEGIN {print (a == "" || b + 0 < a + 0) ? b : a}'; }
mib() { awk -v k="$(cat "$work/$1.rss")" 'BEGIN {printf "%.0f", k / 1024}'; }

families=(placement random)
[[ -n "$ONLY" ]] && families=("$ONLY")

printf '%-10s %8s %9s %10s %13s %7s %10s %14s %6s\n' \
    instance nodes arcs "ours (s)" "OR-Tools (s)" ratio "ours MiB" "OR-Tools MiB" equal
failed=0
for family in "${families[@]}"; do
    file="$work/$family.min"
    python3 "$here/gen_instances.py" "$work" --seed "$SEED" --scale "$SCALE" --only "$family"
    read -r nodes arcs < <(awk '$1 == "p" {print $3, $4; exit}' "$file")

    ours_s="" peer_s=""
    for ((run = 1; run <= REPEAT; run++)); do
        # shellcheck disable=SC2086  # SOLVER_CMD is a command line on purpose
        measure "$family.ours" $SOLVER_CMD "$file"
        measure "$family.ortools" "$python" "$here/ortools_peer.py" "$file"
        ours_s="$(fastest "$ours_s" "$(seconds_of "$family.ours" err)")"
        peer_s="$(fastest "$peer_s" "$(seconds_of "$family.ortools" out)")"
    done

    ours_cost="$(cost_of "$family.ours")"
    peer_cost="$(cost_of "$family.ortools")"
    equal=no
    if [[ -n "$ours_cost" && "$ours_cost" == "$peer_cost" ]]; then equal=yes; else failed=1; fi
    ratio="$(awk -v a="$ours_s" -v b="$peer_s" 'BEGIN {printf "%.2f", a / b}')"
    printf '%-10s %8d %9d %10.3f %13.3f %7s %10s %14s %6s\n' \
        "$family" "$nodes" "$arcs" "$ours_s" "$peer_s" "$ratio" "$(mib "$family.ours")" "$(mib "$family.ortools")" "$equal"
    if [[ $equal == no ]]; then
        echo "COST MISMATCH on $family: ours '${ours_cost}' vs OR-Tools '${peer_cost}'" >&2
    fi
done

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(uname -m); seed $SEED, scale $SCALE, best of $REPEAT; load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ $failed -ne 0 ]]; then
    echo "FAIL: optimal costs differ" >&2
    exit 1
fi
