#!/usr/bin/env python3
"""Writes one seeded min-cost-flow instance of a benchmark family as a DIMACS `p min` file.

usage: generate.py FAMILY SIZE SEED OUT.min        (SIZE is 0, 1 or 2: small, medium, large)
       generate.py --list                          (the families and their sizes)

The same FAMILY, SIZE and SEED always give the same file (pynetgen's own NETGEN random number
generator, Python's `random.Random(seed)` elsewhere).

Families (n nodes, m arcs):

netgen-8      NETGEN (Klingman, Napier & Stutz 1974, via pip `pynetgen`), m = 8n, sqrt(n) sources
              and sinks, total supply 1000*sqrt(n), capacities 1-1000, costs 1-10000: the
              DIMACS/LEMON "NETGEN-8" family, n = 2^12, 2^14, 2^16.
netgen-sr     the same with m = n*sqrt(n) (dense), n = 2^10, 2^11, 2^12.
netgen-lo-8   netgen-8 with capacities 1-10 (tight, many saturated arcs).
grid          a k x k grid in the spirit of GRIDGEN: arcs to the 4 neighbours and 2 diagonal ones,
              capacities 1-1000, costs 1-10000, an uncapacitated skeleton path of cost 20,000 along
              every row; the left column supplies 1000 each, the right column demands it (m ~ 7n).
              (pynetgen's own grid generator made instances whose optimum was 0.)
goto-8        grid on torus in the spirit of Goldberg's GOTO ("grid on torus"): a k x k torus whose
              right/down arcs form an uncapacitated expensive skeleton, plus 6 arcs per node to
              nodes at random small offsets with capacities 1-1000 and costs 1-10000 that grow
              with the offset; one source and one sink half a torus apart.
placement-*   the placement model without aggregation: source -> citizen (cap 1), citizen -> d
              residences of its region (cap 1, cost = distance price + preference noise),
              residence -> sink (cap = places), and a fallback for every citizen. The variants
              change one thing against placement-base (places for 60 % of the citizens, costs in
              kroner per year 1e5-1e7, degree 40, fallback 0.7-3.3 million kroner per citizen
              through one external node X -> sink):
                placement-scarce25, placement-ample110   places for 25 % / 110 % of citizens
                placement-km       costs in km 0-2000, fallback 3000-5000
                placement-deg10, placement-deg200        10 / 200 residences per citizen
                placement-direct   the fallback is an arc citizen -> sink, no external node
random-few    random arcs between uniform node pairs (capacities 1-1000, costs 1-10000) over an
              expensive uncapacitated Hamiltonian cycle (the skeleton that makes any supply
              feasible), m = 10n, 5 sources and 5 sinks.
random-many   the same with n/10 sources and n/10 sinks.
"""

import math
import random
import sys


def write(path, family, node_count, supplies, arcs):
    """supplies: dict node -> b (1-based nodes); arcs: list of (u, v, cap, cost), 1-based."""
    with open(path, "w") as f:
        f.write(f"c {family}\n")
        f.write(f"p min {node_count} {len(arcs)}\n")
        f.write("".join(f"n {v} {b}\n" for v, b in sorted(supplies.items()) if b != 0))
        chunk = 100_000
        for i in range(0, len(arcs), chunk):
            f.write("".join(f"a {u} {v} 0 {cap} {cost}\n" for (u, v, cap, cost) in arcs[i:i + chunk]))


# --- NETGEN, through pynetgen; grid ---------------------------------------------------------

def netgen(path, seed, nodes, arcs, maxcap):
    from pynetgen import netgen_generate
    terminals = int(math.isqrt(nodes))
    netgen_generate(seed=seed, nodes=nodes, sources=terminals, sinks=terminals, density=arcs,
                    mincost=1, maxcost=10000, supply=1000 * terminals, mincap=1, maxcap=maxcap,
                    fname=path)


def grid(path, seed, side):
    rng = random.Random(seed)
    supply_each = 1000

    def node(r, c):
        return r * side + c + 1

    arcs = []
    for r in range(side):
        for c in range(side):
            for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0), (1, 1), (-1, 1)):
                rr, cc = r + dr, c + dc
                if 0 <= rr < side and 0 <= cc < side:
                    arcs.append((node(r, c), node(rr, cc), rng.randint(1, 1000), rng.randint(1, 10000)))
    # Skeleton: an uncapacitated, expensive path along every row, left to right.
    for r in range(side):
        for c in range(side - 1):
            arcs.append((node(r, c), node(r, c + 1), supply_each * side, 20_000))
    supplies = {}
    for r in range(side):
        supplies[node(r, 0)] = supply_each
        supplies[node(r, side - 1)] = -supply_each
    write(path, "grid", side * side, supplies, arcs)


# --- grid on torus -----------------------------------------------------------------------------

def goto(path, seed, side):
    rng = random.Random(seed)
    n = side * side
    supply = 1000 * side

    def node(r, c):
        return (r % side) * side + (c % side) + 1

    arcs = []
    for r in range(side):
        for c in range(side):
            u = node(r, c)
            arcs.append((u, node(r, c + 1), supply, 100_000))
            arcs.append((u, node(r + 1, c), supply, 100_000))
            for _ in range(6):
                dr, dc = rng.randint(-side // 4, side // 4), rng.randint(-side // 4, side // 4)
                if dr == 0 and dc == 0:
                    dc = 1
                reach = abs(dr) + abs(dc)
                arcs.append((u, node(r + dr, c + dc), rng.randint(1, 1000),
                             rng.randint(1, 10000) * reach))
    source, sink = node(0, 0), node(side // 2, side // 2)
    write(path, "goto-8", n, {source: supply, sink: -supply}, arcs)


# --- placement ---------------------------------------------------------------------------------

def placement(path, family, seed, citizens, scarcity=0.60, kroner=True, degree=40, external=True):
    rng = random.Random(seed)
    residences = max(citizens // 25, 4)
    regions = max(residences // max(degree * 2, 50), 1)
    per_region = residences // regions
    first_citizen, first_residence = 2, 2 + citizens
    external_node = first_residence + residences
    sink = external_node + (1 if external else 0)
    source = 1
    node_count = sink
    xy = [(rng.uniform(0, 100), rng.uniform(0, 100)) for _ in range(residences)]
    # Places: 1-12 each, scaled so that they add up to about scarcity * citizens.
    raw = [rng.randint(1, 12) for _ in range(residences)]
    factor = scarcity * citizens / sum(raw)
    places = [max(1, round(p * factor)) for p in raw]
    arcs = [(source, first_citizen + c, 1, 0) for c in range(citizens)]
    for c in range(citizens):
        u = first_citizen + c
        region = rng.randrange(regions)
        lo = region * per_region
        cx, cy = rng.uniform(0, 100), rng.uniform(0, 100)
        for r in rng.sample(range(lo, lo + per_region), min(degree, per_region)):
            km = math.hypot(cx - xy[r][0], cy - xy[r][1]) * 14  # 0-2000 km
            if kroner:
                cost = int(100_000 + km * 2_500 + rng.randint(0, 5_000_000))
            else:
                cost = int(km) + rng.randint(0, 50)
            arcs.append((u, first_residence + r, 1, cost))
        fallback = rng.randint(700_000, 3_300_000) if kroner else rng.randint(3000, 5000)
        arcs.append((u, external_node if external else sink, 1, fallback))
    for r in range(residences):
        arcs.append((first_residence + r, sink, places[r], 0))
    if external:
        arcs.append((external_node, sink, citizens, 0))
    write(path, family, node_count, {source: citizens, sink: -citizens}, arcs)


# --- random with a skeleton --------------------------------------------------------------------

def random_network(path, family, seed, n, terminals):
    rng = random.Random(seed)
    supply_total = 1000 * terminals
    order = list(range(1, n + 1))
    rng.shuffle(order)
    arcs = [(order[i], order[(i + 1) % n], supply_total, 1_000_000) for i in range(n)]
    for _ in range(9 * n):
        u, v = rng.randint(1, n), rng.randint(1, n)
        if u != v:
            arcs.append((u, v, rng.randint(1, 1000), rng.randint(1, 10000)))
    nodes = rng.sample(range(1, n + 1), 2 * terminals)
    supplies = {}
    share = supply_total // terminals
    for v in nodes[:terminals]:
        supplies[v] = share
    for v in nodes[terminals:]:
        supplies[v] = -share
    write(path, family, n, supplies, arcs)


# The three sizes of each family, and how to make one instance.
FAMILIES = {
    "netgen-8": ([2**12, 2**14, 2**16], lambda p, s, n: netgen(p, s, n, 8 * n, 1000)),
    "netgen-sr": ([2**10, 2**11, 2**12], lambda p, s, n: netgen(p, s, n, n * math.isqrt(n), 1000)),
    "netgen-lo-8": ([2**12, 2**14, 2**16], lambda p, s, n: netgen(p, s, n, 8 * n, 10)),
    "grid": ([48, 80, 128], lambda p, s, k: grid(p, s, k)),
    "goto-8": ([64, 128, 256], lambda p, s, k: goto(p, s, k)),
    "placement-base": ([5_000, 20_000, 60_000], lambda p, s, c: placement(p, "placement-base", s, c)),
    "placement-scarce25": ([5_000, 20_000, 60_000], lambda p, s, c: placement(p, "placement-scarce25", s, c, scarcity=0.25)),
    "placement-ample110": ([5_000, 20_000, 60_000], lambda p, s, c: placement(p, "placement-ample110", s, c, scarcity=1.10)),
    "placement-km": ([5_000, 20_000, 60_000], lambda p, s, c: placement(p, "placement-km", s, c, kroner=False)),
    "placement-deg10": ([5_000, 20_000, 60_000], lambda p, s, c: placement(p, "placement-deg10", s, c, degree=10)),
    "placement-deg200": ([2_000, 5_000, 15_000], lambda p, s, c: placement(p, "placement-deg200", s, c, degree=200)),
    "placement-direct": ([5_000, 20_000, 60_000], lambda p, s, c: placement(p, "placement-direct", s, c, external=False)),
    "random-few": ([10_000, 30_000, 100_000], lambda p, s, n: random_network(p, "random-few", s, n, 5)),
    "random-many": ([10_000, 30_000, 100_000], lambda p, s, n: random_network(p, "random-many", s, n, n // 10)),
}


def main():
    if sys.argv[1:] == ["--list"]:
        for name, (sizes, _) in FAMILIES.items():
            print(name, *sizes)
        return
    if len(sys.argv) != 5 or sys.argv[1] not in FAMILIES or sys.argv[2] not in ("0", "1", "2"):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    family, size, seed, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    sizes, make = FAMILIES[family]
    make(out, seed, sizes[size])


if __name__ == "__main__":
    main()
