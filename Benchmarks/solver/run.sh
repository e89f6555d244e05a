#!/usr/bin/env bash
# `make bench-solver`: installs the peers' Python packages (OR-Tools, pynetgen) into
# Benchmarks/solver/.venv-bench on first use, then runs bench.py (see its docstring for the
# environment: QUICK=1, SEEDS, SIZES, FAMILIES, ALGORITHM, LEMON=path/to/dimacs-solver, ...).
# Neither package is ever a dependency of the product.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="${VENV:-$here/.venv-bench}"
if ! "$venv/bin/python" -c "import ortools, pynetgen" 2>/dev/null; then
    echo "installing OR-Tools and pynetgen into $venv ..." >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet ortools pynetgen
fi
exec "$venv/bin/python" "$here/bench.py"
