#!/usr/bin/env python3
"""Writes seeded benchmark instances for FlowSolver as DIMACS min-cost-flow files.

Two families:

placement  The unaggregated placement model. A source S supplies one unit per citizen through
           S -> citizen (cap 1, cost 0); each citizen has arcs to ~40 residences of its region
           (cap 1, cost = distance + a preference penalty) and one expensive fallback arc to an
           "external" node X (cap 1, cost 100000); each residence r has r -> T (cap = places);
           X -> T takes any overflow; the sink T demands all units.
           Default 75,000 citizens and 3,000 residences: 78,003 nodes, ~3.15 M arcs.

random     A random sparse network: arcs between uniformly random node pairs with capacity
           1..1000 and cost 1..10000. Supplies are read off a random flow on a fifth of the arcs
           (outflow - inflow), so every instance is feasible.
           Default 100,000 nodes and 1,000,000 arcs.

Only the standard library is used, so any python3 runs it. Same seed, same file.

usage: gen_instances.py OUTDIR [--seed N] [--scale F] [--only placement|random]
"""

import argparse
import math
import os
import random


def write_dimacs(path, comments, node_count, supplies, arcs):
    """arcs: list of (u, v, low, cap, cost) with 0-based u, v."""
    with open(path, "w") as f:
        for c in comments:
            f.write(f"c {c}\n")
        f.write(f"p min {node_count} {len(arcs)}\n")
        f.write("".join(f"n {v + 1} {b}\n" for v, b in enumerate(supplies) if b != 0))
        chunk = 200_000
        for i in range(0, len(arcs), chunk):
            f.write("".join(f"a {u + 1} {v + 1} {lo} {cap} {cost}\n" for (u, v, lo, cap, cost) in arcs[i:i + chunk]))


def placement(path, seed, citizens=75_000, residences=3_000, choices=40, regions=30):
    rng = random.Random(seed)
    source, external, sink = 0, 1 + citizens + residences, 2 + citizens + residences
    first_citizen, first_residence = 1, 1 + citizens
    node_count = citizens + residences + 3
    per_region = residences // regions
    # Residences scattered over a 100 x 100 km map, grouped into regions (municipalities).
    res_xy = [(rng.uniform(0, 100), rng.uniform(0, 100)) for _ in range(residences)]
    places = [rng.randint(10, 35) for _ in range(residences)]  # ~90% of citizens fit
    arcs = []
    for c in range(citizens):
        arcs.append((source, first_citizen + c, 0, 1, 0))
    for c in range(citizens):
        node = first_citizen + c
        region = rng.randrange(regions)
        cx, cy = rng.uniform(0, 100), rng.uniform(0, 100)
        lo = region * per_region
        candidates = rng.sample(range(lo, lo + per_region), min(choices, per_region))
        for r in candidates:
            rx, ry = res_xy[r]
            cost = int(math.hypot(cx - rx, cy - ry) * 10) + rng.randrange(0, 200)
            arcs.append((node, first_residence + r, 0, 1, cost))
        arcs.append((node, external, 0, 1, 100_000))
    for r in range(residences):
        arcs.append((first_residence + r, sink, 0, places[r], 0))
    arcs.append((external, sink, 0, citizens, 0))
    supplies = [0] * node_count
    supplies[source] = citizens
    supplies[sink] = -citizens
    comments = [f"placement-shaped instance: {citizens} citizens, {residences} residences, "
                f"{choices} choices each, seed {seed}"]
    write_dimacs(path, comments, node_count, supplies, arcs)


def random_sparse(path, seed, nodes=100_000, arc_count=1_000_000):
    rng = random.Random(seed)
    arcs = []
    supplies = [0] * nodes
    for _ in range(arc_count):
        u = rng.randrange(nodes)
        v = rng.randrange(nodes - 1)
        if v >= u:
            v += 1  # no self-loops
        cap = rng.randint(1, 1000)
        cost = rng.randint(1, 10_000)
        arcs.append((u, v, 0, cap, cost))
        if rng.random() < 0.2:
            x = rng.randint(0, cap)
            supplies[u] += x
            supplies[v] -= x
    comments = [f"random sparse instance: {nodes} nodes, {arc_count} arcs, seed {seed}"]
    write_dimacs(path, comments, nodes, supplies, arcs)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("outdir")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the default sizes")
    parser.add_argument("--only", choices=["placement", "random"])
    args = parser.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    s = args.scale
    if args.only in (None, "placement"):
        placement(os.path.join(args.outdir, "placement.min"), args.seed,
                  citizens=max(10, int(75_000 * s)), residences=max(30, int(3_000 * s)))
    if args.only in (None, "random"):
        random_sparse(os.path.join(args.outdir, "random.min"), args.seed,
                      nodes=max(10, int(100_000 * s)), arc_count=max(10, int(1_000_000 * s)))


if __name__ == "__main__":
    main()
