"""Explorer benchmark: coverage speed, throughput and memory, ours beside inkjs's random play, one run.

    python bench/explore.py [--jobs 2] [--seed 1] [--cap 180] [--window 60] [--exhaustive-budget 600]

It prints one table per question:

1. **Bundled story, time to full coverage** (every declared ending, choice, conditional branch, knot,
   stitch and counted label), `--jobs` processes: the guided search against random walks, each
   stopped the moment everything is covered (or at `--cap` seconds). When a branch is covered by
   neither within the cap, the target both race to is what either reached. Then inkjs's random play
   (`../shared/tools/inkjs/run randomplay`) timed for as many walks as random needed.
2. **The generated 20,000-line story** (`bench/gen_story.py`): choices covered after `--window`
   seconds, guided vs random; random-walk throughput with `--jobs` processes against inkjs's; the peak
   resident memory of the largest explorer process, for N and 4N walks (flat means it does not grow).
3. **Exhaustive search with liveness merging on the bundled story**: states visited, states merged,
   and whether it finished within `--exhaustive-budget` seconds.

Stories are compiled by our compiler; inkjs plays the same JSON. Timings exclude compiling and
loading, as inkjs's do, and include starting the worker processes. Runs that measure memory go
through the `dreamphases explore` command in a child process, so nothing else is counted.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
INKJS = ROOT.parent / "shared" / "tools" / "inkjs" / "run"
BUNDLED = ROOT / "story" / "dreamphases.ink"


def _generated(lines: int, seed: int) -> str:
    spec = importlib.util.spec_from_file_location("gen_story", ROOT / "bench" / "gen_story.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.generate(lines, seed))


def _compile(path: Path) -> tuple[str, Any]:
    from dreamphases.compiler import compile_path, render

    result = compile_path(path)
    if result.json_text is None:
        errors = [render(d) for d in result.diagnostics if d.is_error][:3]
        raise SystemExit(f"{path} does not compile:\n" + "\n".join(errors))
    return result.json_text, result.graph


def _run(json_text: str, graph: Any, jobs: int, **options: Any) -> Any:
    from dreamphases.testing.explorer import ExploreOptions, Walker, explore

    walker = Walker(json_text, graph, ExploreOptions(**options))
    return explore(walker, jobs=jobs)


def _reached(outcome: Any, target: dict[str, int]) -> tuple[float, int] | None:
    """(seconds, walks) when coverage first met `target` in every kind, or None if it never did."""
    for seconds, work, counts in outcome.timeline:
        if all(counts.get(name, 0) >= wanted for name, wanted in target.items()):
            return seconds, work
    return None


def inkjs(json_path: Path, runs: int, seed: int) -> tuple[float, float] | None:
    """(seconds, choices/s) of inkjs's random play for `runs` walks, or None without inkjs."""
    if not INKJS.exists():
        return None
    out = subprocess.run([str(INKJS), "randomplay", str(json_path), "--runs", str(runs), "--seed", str(seed)],
                         capture_output=True, text=True, check=False)
    try:  # "N walks, C choices, L lines, S s, R choices/s"
        parts = [p.strip() for p in out.stdout.strip().split(",")]
        return float(parts[3].split()[0]), float(parts[4].split()[0])
    except (IndexError, ValueError):
        print(f"  inkjs failed: {out.stderr.strip()[:200]}", file=sys.stderr)
        return None


def _cli(args: list[str]) -> tuple[dict[str, Any], float]:
    """Run `dreamphases explore ... --json` in a child; (report, peak RSS in MB of its largest process).

    ru_maxrss of RUSAGE_CHILDREN is the largest of the waited-for descendants, so each measured run
    gets its own grandchild tree through a small wrapper."""
    wrapper = ("import resource, subprocess, sys, json;"
               "out = subprocess.run(sys.argv[1:], capture_output=True, text=True);"
               "print(json.dumps({'out': out.stdout, 'err': out.stderr[-2000:],"
               " 'rss': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))")
    command = [sys.executable, "-c", wrapper, sys.executable, "-m", "dreamphases", "explore", *args, "--json"]
    result = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    try:
        report = json.loads(result["out"])
    except ValueError as exc:
        raise SystemExit(f"explore failed: {result['err']}") from exc
    return report, result["rss"] / 1024


def _row(*cells: object) -> None:
    print("  " + "".join(f"{c!s:<24}" for c in cells).rstrip())


def bundled(args: argparse.Namespace, workdir: Path) -> None:
    json_text, graph = _compile(BUNDLED)
    json_path = workdir / "dreamphases.json"
    json_path.write_text(json_text, encoding="utf-8")
    print(f"\n1. Bundled story ({BUNDLED.relative_to(ROOT)}): time to full coverage, {args.jobs} jobs, "
          f"seed {args.seed}, cap {args.cap:g} s")
    outcomes = {mode: _run(json_text, graph, args.jobs, mode=mode, runs=1 << 40, seed=args.seed,
                           until_covered=True, patience=1 << 40, budget=args.cap)
                for mode in ("guided", "random")}
    totals = {m.name: m.total for m in outcomes["guided"].milestones}
    # full coverage where it exists; otherwise the most either strategy reached (the same target for both)
    target = {name: max(next((m.covered for m in o.milestones if m.name == name), 0) for o in outcomes.values())
              for name in totals}
    shown_target = ", ".join(f"{name} {target[name]}/{totals[name]}" for name in totals)
    print(f"  target: {shown_target}" + ("" if target == totals else "  (what either strategy reached: the rest "
                                                                       "was covered by neither)"))
    _row("", "target reached after", "walks by then", "walks, choices in all")
    reached = {mode: _reached(o, target) for mode, o in outcomes.items()}
    for mode, outcome in outcomes.items():
        hit = reached[mode]
        _row(mode, f"{hit[0]:.2f} s" if hit else f"not within {args.cap:g} s", f"{hit[1]:,}" if hit else "",
             f"{outcome.tally.walks:,}, {outcome.tally.choices:,}")
    random_hit = reached["random"]
    walks = random_hit[1] if random_hit else outcomes["random"].tally.walks
    reference = inkjs(json_path, walks, args.seed)
    if reference:
        _row("inkjs random play", f"{reference[0]:.2f} s", f"{walks:,}", "(as many walks as random needed; "
             "no coverage figures)")
    guided_hit = reached["guided"]
    if guided_hit and random_hit:
        print(f"  guided reaches the target {random_hit[0] / guided_hit[0]:.1f}x faster than random (target 10x)")
    elif guided_hit:
        print(f"  guided reaches the target; random does not within {args.cap:g} s "
              f"(more than {args.cap / guided_hit[0]:.1f}x)")


def generated(args: argparse.Namespace, workdir: Path) -> None:
    source = workdir / "generated.ink"
    source.write_text(_generated(args.lines, args.seed), encoding="utf-8")
    json_text, graph = _compile(source)
    json_path = workdir / "generated.json"
    json_path.write_text(json_text, encoding="utf-8")
    print(f"\n2. Generated {args.lines:,}-line story (bench/gen_story.py), {args.jobs} jobs")
    _row("", "choices covered", "walks", "choices made", "peak RSS (largest process)")
    for mode in ("guided", "random"):
        report, rss = _cli([str(source), "--strategy", mode, "--budget", str(args.window), "--jobs",
                            str(args.jobs), "--seed", str(args.seed), "--untagged-ok"])
        _row(f"{mode}, {args.window:g} s", f"{len(report['taken'])} of {len(report['graph_choices'])}",
             f"{report['stats']['walks']:,}", f"{report['stats']['choices']:,}", f"{rss:.0f} MB")
    print(f"  random-walk throughput ({args.jobs} jobs) and memory against the number of walks:")
    _row("", "choices/s", "walks", "seconds", "peak RSS (largest process)")
    ours = 0.0
    for runs in (args.runs_large, 4 * args.runs_large):
        report, rss = _cli([str(source), "--runs", str(runs), "--jobs", str(args.jobs), "--seed", str(args.seed),
                            "--untagged-ok", "--no-trajectories"])
        timing = report["timing"]
        ours = timing["choices_per_second"]
        _row("explorer, random", f"{ours:,.0f}", f"{runs:,}", f"{timing['seconds']:.2f}", f"{rss:.0f} MB")
    reference = inkjs(json_path, 4 * args.runs_large, args.seed)
    if reference:
        _row("inkjs random play", f"{reference[1]:,.0f}", f"{4 * args.runs_large:,}", f"{reference[0]:.2f}",
             "(one process)")
        print(f"  explorer with {args.jobs} jobs / inkjs: {ours / reference[1]:.2f}x (target 2x)")


def exhaustive(args: argparse.Namespace) -> None:
    json_text, graph = _compile(BUNDLED)
    print(f"\n3. Exhaustive search with liveness merging on the bundled story, {args.jobs} jobs, "
          f"budget {args.exhaustive_budget:g} s")
    started = time.perf_counter()
    outcome = _run(json_text, graph, args.jobs, mode="exhaustive", max_depth=1000, max_states=10**9,
                   budget=args.exhaustive_budget)
    seconds = time.perf_counter() - started
    tally = outcome.tally
    finished = outcome.stop_reason == "every reachable state was explored"
    _row("states visited", f"{tally.states:,}")
    _row("states merged", f"{tally.merged:,}")
    _row("left unexplored", f"{tally.frontier_left:,}")
    _row("finished", f"{'yes' if finished else 'no'} ({outcome.stop_reason}; {seconds:.0f} s)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cap", type=float, default=180, help="seconds before a coverage race is called off")
    parser.add_argument("--window", type=float, default=60, help="seconds of search on the generated story")
    parser.add_argument("--runs-large", type=int, default=100, help="walks for the throughput figure (and 4x)")
    parser.add_argument("--lines", type=int, default=20000, help="size of the generated story")
    parser.add_argument("--exhaustive-budget", type=float, default=600)
    parser.add_argument("--only", choices=("bundled", "generated", "exhaustive"), help="one table only")
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}, load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as tmp:
        if args.only in (None, "bundled"):
            bundled(args, Path(tmp))
        if args.only in (None, "generated"):
            generated(args, Path(tmp))
        if args.only in (None, "exhaustive"):
            exhaustive(args)
    print(f"\nbench process peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
