#!/usr/bin/env python3
"""Solves a DIMACS min-cost-flow file with Google OR-Tools' SimpleMinCostFlow, as the peer that
FlowSolver is benchmarked against.

Prints two lines to stdout:
    s COST              the optimal cost (or 'c status: NAME' when not optimal)
    c solve-seconds: T  wall-clock seconds of the Solve() call alone
    c solve-cpu-seconds: T  CPU seconds of the same call (steadier on a shared machine)

SimpleMinCostFlow has no lower bounds, so an arc with lower bound l is passed as capacity u - l
with l units moved into the supplies, and c*l added back to the cost. Parsing uses numpy so that
multi-million-arc files load in seconds; it is not timed.

usage: ortools_peer.py FILE.min
"""

import sys
import time

import numpy as np
from ortools.graph.python import min_cost_flow


def read_dimacs(path):
    nodes = 0
    supplies = None
    arc_lines = []
    with open(path, "rb") as f:
        for line in f:
            kind = line[:1]
            if kind == b"a":
                arc_lines.append(line[1:])
            elif kind == b"n":
                _, node, supply = line.split()
                supplies[int(node) - 1] += int(supply)
            elif kind == b"p":
                _, _, n, _m = line.split()
                nodes = int(n)
                supplies = np.zeros(nodes, dtype=np.int64)
    arcs = np.array(b" ".join(arc_lines).split(), dtype=np.int64).reshape(-1, 5)
    return nodes, supplies, arcs


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    nodes, supplies, arcs = read_dimacs(sys.argv[1])
    tails, heads = arcs[:, 0] - 1, arcs[:, 1] - 1
    lower, capacity, cost = arcs[:, 2], arcs[:, 3], arcs[:, 4]
    constant = int(np.dot(cost, lower))
    supplies = supplies.copy()
    np.subtract.at(supplies, tails, lower)
    np.add.at(supplies, heads, lower)

    smcf = min_cost_flow.SimpleMinCostFlow()
    smcf.add_arcs_with_capacity_and_unit_cost(tails, heads, capacity - lower, cost)
    smcf.set_nodes_supplies(np.arange(nodes, dtype=np.int64), supplies)

    start, start_cpu = time.perf_counter(), time.process_time()
    status = smcf.solve()
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - start_cpu

    if status == smcf.OPTIMAL:
        print(f"s {smcf.optimal_cost() + constant}")
    else:
        print(f"c status: {status}")
    print(f"c solve-seconds: {seconds:.6f}")
    print(f"c solve-cpu-seconds: {cpu_seconds:.6f}")
    sys.exit(0 if status == smcf.OPTIMAL else 3)


if __name__ == "__main__":
    main()
