#!/usr/bin/env python3
"""Benchmarks FlowSolver (`placement solve`) against OR-Tools and, when given, LEMON on the
families of generate.py, and checks every answer.

Every instance is solved by every solver in the same run. An answer counts only when our
solution passes FlowCertificate (`placement solve --check`) and its cost equals OR-Tools' (and
LEMON's); any wrong answer makes the run exit 1. Times are each tool's own measure of its solve
call alone (parsing excluded; LEMON's setup of its solver included, as the other two time
theirs inside their solve), in CPU seconds by default: the machine is shared, and wall time
there mostly measures the other processes (all three solvers are single-threaded). LEMON's
timer counts CPU time in 1/100 s: a solve that it times under REPEAT_BELOW seconds is run
REPEATS times by LEMON and by us, and each side's mean is compared (the mean of samples taken
at the clock's ticks converges on the CPU time itself; one sample of a 15 ms solve reads 0.01
or 0.02 s). OR-Tools' timer is fine-grained: it runs once. Memory is the peak resident set of
the whole process (`/usr/bin/time -v`), parsing included, for every tool alike.

Environment:
  QUICK=1           smallest size and one seed of every family (a smoke run)
  SEEDS="1 2"       seeds per size (default 1 2)
  SIZES="0 1 2"     sizes (default all three)
  FAMILIES=a,b      only these families (see generate.py --list)
  ALGORITHM=auto    passed to `placement solve --algorithm`
  SOLVER=path       the placement binary (default .build/release/placement)
  LEMON=path        LEMON's dimacs-solver binary, a third column when given
  CACHE=dir         where instances are kept between runs (default $TMPDIR/placement-bench-solver)
  TIMEOUT=600       seconds per solve before it counts as a failure
  CLOCK=cpu         cpu (default) or wall: which solve time the tools report is compared
  REPEATS=8         runs of ours and LEMON's when LEMON times the first under REPEAT_BELOW
  REPEAT_BELOW=0.5  seconds (LEMON's CPU time of the first run); 0 turns repeating off

usage: bench.py   (run by `make bench-solver` through run.sh, which provides OR-Tools)
"""

import os
import re
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def env_list(name, default):
    return os.environ.get(name, default).replace(",", " ").split()


QUICK = os.environ.get("QUICK", "") not in ("", "0")
SEEDS = [int(s) for s in env_list("SEEDS", "1" if QUICK else "1 2")]
SIZES = [int(s) for s in env_list("SIZES", "0" if QUICK else "0 1 2")]
ALGORITHM = os.environ.get("ALGORITHM", "auto")
SOLVER = os.environ.get("SOLVER", os.path.join(ROOT, ".build/release/placement"))
LEMON = os.environ.get("LEMON", "")
CACHE = os.environ.get("CACHE", os.path.join(tempfile.gettempdir(), "placement-bench-solver"))
TIMEOUT = float(os.environ.get("TIMEOUT", "600"))
WALL = os.environ.get("CLOCK", "cpu") == "wall"
REPEATS = max(1, int(os.environ.get("REPEATS", "8")))
REPEAT_BELOW = float(os.environ.get("REPEAT_BELOW", "0.5"))


def families():
    listed = subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--list"],
                            check=True, capture_output=True, text=True).stdout.split("\n")
    names = [line.split()[0] for line in listed if line.strip()]
    wanted = env_list("FAMILIES", "")
    unknown = [w for w in wanted if w not in names]
    if unknown:
        sys.exit(f"unknown families: {' '.join(unknown)} (known: {' '.join(names)})")
    return [n for n in names if not wanted or n in wanted]


def instance(family, size, seed):
    os.makedirs(CACHE, exist_ok=True)
    path = os.path.join(CACHE, f"{family}.{size}.{seed}.min")
    if not os.path.exists(path):
        partial = path + ".partial"
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), family, str(size),
                        str(seed), partial], check=True, stdout=subprocess.DEVNULL)
        os.replace(partial, path)
    return path


def measured(command):
    """Runs command under /usr/bin/time -v; returns (exit code, stdout, stderr, peak MiB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as timing:
        try:
            done = subprocess.run(["/usr/bin/time", "-v", "-o", timing.name] + command,
                                  capture_output=True, text=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            return 124, "", f"timed out after {TIMEOUT:.0f} s", 0.0
        match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", timing.read())
        peak = int(match.group(1)) / 1024 if match else 0.0
        return done.returncode, done.stdout, done.stderr, peak


def first(pattern, text):
    match = re.search(pattern, text, re.MULTILINE)
    return match.group(1) if match else None


def run_ours(path):
    code, out, err, peak = measured([SOLVER, "solve", path, "--timing", "--check", "--cost-only",
                                     "--algorithm", ALGORITHM])
    seconds = first(r"^solve seconds: ([0-9.]+)" if WALL else r"^solve cpu seconds: ([0-9.]+)", err)
    return {"ok": code == 0, "cost": first(r"^s (-?\d+)", out), "seconds": float(seconds or "nan"),
            "peak": peak, "algorithm": first(r"^algorithm: (.+)$", err) or "?",
            "error": "" if code == 0 else (err.strip().splitlines() or ["exit %d" % code])[-1]}


def run_ortools(path):
    code, out, err, peak = measured([sys.executable, os.path.join(HERE, "..", "flow", "ortools_peer.py"), path])
    seconds = first(r"^c solve-seconds: ([0-9.]+)" if WALL else r"^c solve-cpu-seconds: ([0-9.]+)", out)
    return {"ok": code == 0, "cost": first(r"^s (-?\d+)", out), "seconds": float(seconds or "nan"),
            "peak": peak, "error": "" if code == 0 else (err.strip() or out.strip())[-200:]}


def run_lemon(path):
    """LEMON's time is its "Setup NetworkSimplex class" plus its "Run NetworkSimplex": the setup
    orders the arcs and copies their costs, bounds and supplies into the solver's arrays, work
    that our solve call and OR-Tools' Solve() both do inside the time they report."""
    code, out, err, peak = measured([LEMON, "-long", path, "/dev/null"])
    seconds = 0.0
    for phase in ("Setup NetworkSimplex class", "Run NetworkSimplex"):
        if WALL:
            spent = [first(rf"^{phase}: .*real: ([0-9.eE+-]+)s", err)]
        else:
            spent = [first(rf"^{phase}: u: ([0-9.eE+-]+)s", err),
                     first(rf"^{phase}: .*, s: ([0-9.eE+-]+)s", err)]
        seconds = float("nan") if None in spent else seconds + sum(float(t) for t in spent)
    return {"ok": code == 0 and "found" in err, "cost": first(r"^Min flow cost: (-?\d+)", err),
            "seconds": seconds, "peak": peak, "error": "" if code == 0 else err[-200:]}


def repeated(run, path, initial, times):
    """`initial` and `times - 1` more runs of `run` on path, as one result: the mean of their
    seconds, the largest peak, and ok only when every run was ok with the same cost."""
    runs = [initial] + [run(path) for _ in range(times - 1)]
    result = dict(initial)
    result["ok"] = all(r["ok"] for r in runs) and len({r["cost"] for r in runs}) == 1
    result["seconds"] = statistics.fmean(r["seconds"] for r in runs)
    result["peak"] = max(r["peak"] for r in runs)
    result["runs"] = times
    if not result["ok"]:
        result["error"] = next((r["error"] for r in runs if not r["ok"]), "the runs' costs differ")
    return result


def ratio(ours, peer):
    """ours / peer, both floored at 0.01 s (LEMON's timer resolution), so tiny solves compare
    as equal instead of as a ratio of timer noise."""
    return max(ours, 0.01) / max(peer, 0.01)


def header(text):
    print(text, flush=True)


def main():
    if not os.access(SOLVER, os.X_OK):
        sys.exit(f"no solver at {SOLVER}: run `swift build -c release --product placement` first")
    if LEMON and not os.access(LEMON, os.X_OK):
        sys.exit(f"LEMON={LEMON} is not an executable")
    peers = ["OR-Tools"] + (["LEMON"] if LEMON else [])
    wrong = []
    rows = []   # (family, size, n, m, ours, {peer: result})
    cols = f"{'family':<19} {'size':>4} {'seed':>4} {'nodes':>7} {'arcs':>8} {'ours s':>8} {'alg':>4}"
    cols += "".join(f" {p + ' s':>10}" for p in peers) + f" {'ours MiB':>8} {'OR MiB':>7}  check"
    header(cols)
    for family in families():
        for size in SIZES:
            for seed in SEEDS:
                path = instance(family, size, seed)
                with open(path) as f:
                    for line in f:
                        if line.startswith("p "):
                            n, m = map(int, line.split()[2:4])
                            break
                ours = run_ours(path)
                results = {"OR-Tools": run_ortools(path)}
                if LEMON:
                    results["LEMON"] = run_lemon(path)
                    lemon = results["LEMON"]
                    if REPEATS > 1 and lemon["ok"] and ours["ok"] and lemon["seconds"] < REPEAT_BELOW:
                        results["LEMON"] = repeated(run_lemon, path, lemon, REPEATS)
                        ours = repeated(run_ours, path, ours, REPEATS)
                problems = []
                if not ours["ok"]:
                    problems.append(f"ours failed: {ours['error']}")
                for peer, r in results.items():
                    if not r["ok"]:
                        problems.append(f"{peer} failed: {r['error']}")
                    elif ours["ok"] and r["cost"] != ours["cost"]:
                        problems.append(f"cost {ours['cost']} but {peer} {r['cost']}")
                check = "ok" if not problems else "WRONG: " + "; ".join(problems)
                if problems:
                    wrong.append(f"{family} size {size} seed {seed}: {check}")
                short = "cs" if "cost scaling" in ours["algorithm"] else "ns" if "simplex" in ours["algorithm"] else "?"
                line = f"{family:<19} {size:>4} {seed:>4} {n:>7} {m:>8} {ours['seconds']:>8.3f} {short:>4}"
                line += "".join(f" {results[p]['seconds']:>10.3f}" for p in peers)
                line += f" {ours['peak']:>8.0f} {results['OR-Tools']['peak']:>7.0f}  {check}"
                if ours.get("runs", 1) > 1:
                    line += f" (ours and LEMON: mean of {ours['runs']} runs)"
                header(line)
                rows.append((family, size, n, m, ours, results))

    print()
    summary = f"{'family':<19} {'size':>4} {'arcs':>8}"
    for p in peers:
        summary += f" {'med/' + p[:2]:>8} {'worst/' + p[:2]:>9}"
    summary += f" {'mem/OR':>7}  target (median <= 1.0x and worst <= 1.5x the faster peer, memory <= OR)"
    print(summary)
    met = missed = 0
    for family in dict.fromkeys(r[0] for r in rows):
        for size in SIZES:
            group = [r for r in rows if r[0] == family and r[1] == size and r[4]["ok"]]
            if not group:
                continue
            line = f"{family:<19} {size:>4} {group[0][3]:>8}"
            for p in peers:
                ratios = [ratio(r[4]["seconds"], r[5][p]["seconds"]) for r in group]
                line += f" {statistics.median(ratios):>8.2f} {max(ratios):>9.2f}"
            best = [ratio(r[4]["seconds"], min(r[5][p]["seconds"] for p in peers)) for r in group]
            memory = max(r[4]["peak"] / max(r[5]["OR-Tools"]["peak"], 1e-6) for r in group)
            ok = statistics.median(best) <= 1.0 and max(best) <= 1.5 and memory <= 1.0
            met += ok
            missed += not ok
            line += f" {memory:>7.2f}  {'met' if ok else 'missed'} (vs faster peer: median {statistics.median(best):.2f}, worst {max(best):.2f})"
            print(line)
    load = open("/proc/loadavg").read().split()[:3]
    print(f"\n{'wall' if WALL else 'CPU'} seconds of the solve call; algorithm {ALGORITHM}; seeds {' '.join(map(str, SEEDS))}; sizes {' '.join(map(str, SIZES))}; "
          f"{os.cpu_count()} cores; load average at the end {' '.join(load)}; "
          f"targets met {met}, missed {missed}")
    if wrong:
        print("\nWRONG ANSWERS:", *wrong, sep="\n  ", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
