"""Explorer benchmark: coverage speed, throughput and memory, ours beside inkjs's random play, one run.

    python bench/explore.py [--jobs 2] [--seed 1 | --seeds 1,2,3] [--cap 180] [--ratio 10] [--no-inkjs]
                            [--window 60] [--repeat 1] [--exhaustive-budget 600]

It prints one table per question:

1. **Bundled story, time to full coverage** (every declared ending, choice, conditional branch, knot,
   stitch and counted label), `--jobs` processes: the guided search against random walks, each
   stopped the moment everything is covered (the guided search at `--cap` seconds at most, random walks
   at `--cap` or `--ratio` (10) times the guided search's time, whichever is longer, so that a random
   run cut off still proves a ratio). When a branch is covered by neither, the target both race to is
   what either reached. Each row gives the load average as it started. Then inkjs's random play
   (`../shared/tools/inkjs/run randomplay`) timed for as many walks as random needed (`--no-inkjs`
   skips it). With `--seeds 1,2,3` the race is run once per seed, and a last table gives each seed's
   wall-clock and CPU-time ratios and their median.
2. **The generated 20,000-line story** (`bench/gen_story.py`): choices covered after `--window`
   seconds, guided vs random (`--window 0` skips this); random-walk throughput with `--jobs` processes
   and with one, against inkjs's, wall-clock and per CPU second; the peak resident memory of the
   largest explorer process, for N and 4N walks (flat means it does not grow); and bink alone in a
   loop, on the story as compiled, on the copy that also counts visits for coverage, and on that copy
   without line breaks, which the explorer plays: what the explorer would make per process if
   everything it adds cost nothing. These rows take turns
   for `--repeat` rounds, and each keeps its best figures (and its largest peak memory).
3. **Exhaustive search with liveness merging on the bundled story**: states visited, states merged,
   and whether it finished within `--exhaustive-budget` seconds. If not, why, in figures: the same
   search in one process to `--why-states` states, the new states per level, and how many of the last
   level's states would remain with visit counts, all variables, or each variable ignored.

Stories are compiled by our compiler; inkjs plays the same JSON. Timings exclude compiling and
loading, as inkjs's do, and include starting the worker processes (each loads the story); the fork
server they are forked from is started before any timing, as `dreamphases explore` starts it while it
compiles (otherwise the first race, seed 1's guided search, would pay for it alone). Runs that
measure memory go through the `dreamphases explore` command in a child process, so nothing else is
counted, and that child's whole process tree is measured (the workers are forked by a fork server).

The machine is often shared: beside wall-clock choices per second, the throughput table gives
choices per CPU second, the explorer's from its workers' CPU time (the report's `timing`), inkjs's
from the node process's CPU time less what the same command with no walks takes.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass, field
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


def _for_inkjs(story: Path, workdir: Path) -> Path:
    """The story compiled for inkjs's random play, which runs with ink fallbacks disabled: a copy of
    its folder whose `EXTERNAL` declarations are left out, so each call runs the story's own ink
    fallback, as any runtime does when the host binds nothing. Stories without EXTERNAL compile
    to the same JSON as for the explorer."""
    copy = workdir / "for-inkjs"
    copy.mkdir(exist_ok=True)
    for source in story.parent.glob("*.ink"):
        lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
        kept = [line if not line.lstrip().startswith("EXTERNAL ") else "\n" for line in lines]
        (copy / source.name).write_text("".join(kept), encoding="utf-8")
    json_text, _ = _compile(copy / story.name)
    out = workdir / f"{story.stem}.inkjs.json"
    out.write_text(json_text, encoding="utf-8")
    return out


def _run(json_text: str, graph: Any, jobs: int, **options: Any) -> Any:
    from dreamphases.testing.explorer import ExploreOptions, Walker, explore

    walker = Walker(json_text, graph, ExploreOptions(**options))
    return explore(walker, jobs=jobs)


def _reached(outcome: Any, target: dict[str, int]) -> tuple[float, int, float] | None:
    """(seconds, walks, workers' CPU seconds) when coverage first met `target` in every kind, or None if
    it never did."""
    for seconds, work, counts, cpu in outcome.timeline:
        if all(counts.get(name, 0) >= wanted for name, wanted in target.items()):
            return seconds, work, cpu
    return None


def inkjs(json_path: Path, runs: int, seed: int) -> tuple[float, float] | None:
    """(seconds, choices/s) of inkjs's random play for `runs` walks, or None without inkjs."""
    played = _inkjs(json_path, runs, seed)
    return None if played is None else (played[0], played[1])


def _inkjs(json_path: Path, runs: int, seed: int) -> tuple[float, float, int, float] | None:
    """(seconds, choices/s, choices, CPU seconds of the node process) of inkjs's random play."""
    if not INKJS.exists():
        return None
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run([str(INKJS), "randomplay", str(json_path), "--runs", str(runs), "--seed", str(seed)],
                         capture_output=True, text=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    try:  # "N walks, C choices, L lines, S s, R choices/s"
        parts = [p.strip() for p in out.stdout.strip().split(",")]
        return float(parts[3].split()[0]), float(parts[4].split()[0]), int(parts[1].split()[0]), cpu
    except (IndexError, ValueError):
        print(f"  inkjs failed: {out.stderr.strip()[:200]}", file=sys.stderr)
        return None


#: Runs a command as a child and reports on its whole process tree. It is a child subreaper
#: (Linux), so descendants that outlive their parent (the workers' fork server) are handed to it
#: and waited for: ru_maxrss of RUSAGE_CHILDREN is then the largest of every process of the run,
#: and the CPU times are the sum over all of them.
_TREE = """
import ctypes, json, os, resource, subprocess, sys
try:
    ctypes.CDLL("libc.so.6").prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
except (OSError, AttributeError):
    pass
out = subprocess.run(sys.argv[1:], capture_output=True, text=True)
while True:
    try:
        os.waitpid(-1, 0)
    except ChildProcessError:
        break
use = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({'out': out.stdout, 'err': out.stderr[-2000:], 'rss': use.ru_maxrss,
                  'cpu': use.ru_utime + use.ru_stime}))
"""


def _cli(args: list[str]) -> tuple[dict[str, Any], float]:
    """Run `dreamphases explore ... --json` in a child; (report, peak RSS in MB of its largest process)."""
    command = [sys.executable, "-c", _TREE, sys.executable, "-m", "dreamphases", "explore", *args, "--json"]
    result = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    try:
        report = json.loads(result["out"])
    except ValueError as exc:
        raise SystemExit(f"explore failed: {result['err']}") from exc
    return report, result["rss"] / 1024


def _row(*cells: object) -> None:
    print("  " + "".join(f"{c!s:<24}" for c in cells).rstrip())


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def bundled(args: argparse.Namespace, workdir: Path) -> None:
    """The coverage race, once per seed of `--seeds` (or `--seed`), then each seed's ratios in one table
    with their median: the guided search's lead varies with the seed (random walks' own time to full
    coverage varies more), so one seed proves little."""
    json_text, graph = _compile(BUNDLED)
    seeds = [int(s) for s in args.seeds.split(",")] if args.seeds else [args.seed]
    rows = [(seed, race(args, workdir, json_text, graph, seed)) for seed in seeds]
    if len(seeds) < 2:
        return
    print(f"\n  the race per seed ({args.jobs} jobs; '>=': random walks did not reach the target within their cap, "
          "so the ratio is a lower bound):")
    _row("seed", "wall-clock ratio", "CPU-time ratio", "load average before")
    for seed, (load, ratio) in rows:
        sign = ">= " if ratio and ratio[2] else ""
        _row(seed, f"{sign}{ratio[0]:.1f}x" if ratio else "guided did not reach the target",
             f"{sign}{ratio[1]:.1f}x" if ratio else "", load)
    done = [ratio for _, (_, ratio) in rows if ratio]
    if len(done) < len(rows):
        print(f"  no median: the guided search did not reach the target with {len(rows) - len(done)} of the seeds")
        return
    sign = ">= " if any(r[2] for r in done) else ""
    print(f"  median over {len(seeds)} seeds: {sign}{statistics.median(r[0] for r in done):.1f}x wall-clock, "
          f"{sign}{statistics.median(r[1] for r in done):.1f}x in CPU time (target {args.ratio:g}x)")


def race(args: argparse.Namespace, workdir: Path, json_text: str, graph: Any,
         seed: int) -> tuple[str, tuple[float, float, bool] | None]:
    """One seed's race. The guided search runs first (to everything, or `--cap`); random walks then
    get a cap of at least `--ratio` times the guided search's time, so that when they do not reach the
    target within it, the ratio printed is a true lower bound of at least the target ratio.
    Returns the load before it and (wall-clock ratio, CPU-time ratio, whether they are lower bounds),
    None when the guided search did not reach the target."""
    print(f"\n1. Bundled story ({BUNDLED.relative_to(ROOT)}): time to full coverage, {args.jobs} jobs, "
          f"seed {seed}")
    caps: dict[str, float] = {}
    loads: dict[str, str] = {}
    outcomes: dict[str, Any] = {}
    for mode in ("guided", "random"):
        caps[mode] = args.cap if mode == "guided" else max(args.cap, args.ratio * _done_at(outcomes["guided"]))
        loads[mode] = _load()
        outcomes[mode] = _run(json_text, graph, args.jobs, mode=mode, runs=1 << 40, seed=seed,
                              until_covered=True, patience=1 << 40, budget=caps[mode])
    totals = {m.name: m.total for m in outcomes["guided"].milestones}
    # full coverage where it exists; otherwise the most either strategy reached (the same target for both)
    target = {name: max(next((m.covered for m in o.milestones if m.name == name), 0) for o in outcomes.values())
              for name in totals}
    shown_target = ", ".join(f"{name} {target[name]}/{totals[name]}" for name in totals)
    print(f"  target: {shown_target}" + ("" if target == totals else "  (what either strategy reached: the rest "
                                                                       "was covered by neither)"))
    _row("", "target reached after", "CPU seconds by then", "walks by then", "walks, choices in all", "cap",
         "load average before")
    reached = {mode: _reached(o, target) for mode, o in outcomes.items()}
    for mode, outcome in outcomes.items():
        hit = reached[mode]
        _row(mode, f"{hit[0]:.2f} s" if hit else f"not within {caps[mode]:.0f} s",
             f"{hit[2]:.1f} s" if hit else f"({outcome.cpu_seconds:.1f} s in all)", f"{hit[1]:,}" if hit else "",
             f"{outcome.tally.walks:,}, {outcome.tally.choices:,}", f"{caps[mode]:.0f} s", loads[mode])
    random_hit = reached["random"]
    walks = random_hit[1] if random_hit else outcomes["random"].tally.walks
    load = _load()
    reference = inkjs(_for_inkjs(BUNDLED, workdir), walks, seed) if args.inkjs else None
    if reference:
        _row("inkjs random play", f"{reference[0]:.2f} s", "", f"{walks:,}", "(as many walks as random "
             "played to the target or the cap; one process, no coverage figures)", "", load)
    guided_hit = reached["guided"]
    print("  (CPU seconds: the worker processes', loading the story included, as they reported it at the end of "
          "their tasks; the machine's load distorts them least)")
    if guided_hit and random_hit:
        wall, cpu = random_hit[0] / guided_hit[0], random_hit[2] / guided_hit[2]
        print(f"  guided reaches the target {wall:.1f}x faster than random in wall-clock time, {cpu:.1f}x in CPU "
              f"time (target {args.ratio:g}x)")
        return loads["guided"], (wall, cpu, False)
    if guided_hit:
        wall, cpu = caps["random"] / guided_hit[0], outcomes["random"].cpu_seconds / guided_hit[2]
        print(f"  guided reaches the target; random does not within {caps['random']:.0f} s: "
              f">= {wall:.1f}x in wall-clock time, >= {cpu:.1f}x in CPU time (target {args.ratio:g}x)")
        return loads["guided"], (wall, cpu, True)
    print(f"  guided does not reach the target within {caps['guided']:.0f} s")
    return loads["guided"], None


def _done_at(outcome: Any) -> float:
    """Seconds until a run's coverage last grew (its own full coverage, when it got there)."""
    return float(outcome.timeline[-1][0]) if outcome.timeline else float(outcome.seconds)


def generated(args: argparse.Namespace, workdir: Path) -> None:
    source = workdir / "generated.ink"
    source.write_text(_generated(args.lines, args.seed), encoding="utf-8")
    json_text, graph = _compile(source)
    json_path = workdir / "generated.json"
    json_path.write_text(json_text, encoding="utf-8")
    print(f"\n2. Generated {args.lines:,}-line story (bench/gen_story.py), {args.jobs} jobs")
    if args.window > 0:
        _row("", "choices covered", "walks", "choices made", "peak RSS (largest process)")
        for mode in ("guided", "random"):
            report, rss = _cli([str(source), "--strategy", mode, "--budget", str(args.window), "--jobs",
                                str(args.jobs), "--seed", str(args.seed), "--untagged-ok"])
            _row(f"{mode}, {args.window:g} s", f"{len(report['taken'])} of {len(report['graph_choices'])}",
                 f"{report['stats']['walks']:,}", f"{report['stats']['choices']:,}", f"{rss:.0f} MB")
    throughput(args, source, json_text, graph, json_path)


@dataclass(slots=True)
class _Best:
    """One row of the throughput table over `--repeat` rounds: the best wall-clock and the best per-CPU
    figure (each from whichever round made it), the largest peak memory, and the loads seen."""

    walks: int
    wall: float = 0.0
    seconds: float = 0.0
    #: CPU seconds per wall-clock second in the round with the best wall-clock figure: the cores it got
    cores: float = 0.0
    cpu: float = 0.0
    cpu_seconds: float = 0.0
    rss: float = 0.0
    loads: list[float] = field(default_factory=list)

    def add(self, wall: float, seconds: float, cpu: float, cpu_seconds: float, rss: float, load: float) -> None:
        if wall > self.wall:
            self.wall, self.seconds, self.cores = wall, seconds, wall / cpu if cpu else 0.0
        if cpu > self.cpu:
            self.cpu, self.cpu_seconds = cpu, cpu_seconds
        self.rss = max(self.rss, rss)
        self.loads.append(load)

    def show(self, name: str, memory: str) -> None:
        spent = f" ({self.cpu_seconds:.1f} s)" if self.cpu_seconds else ""
        loads = f"{min(self.loads):.1f}" + (f" to {max(self.loads):.1f}" if max(self.loads) > min(self.loads) else "")
        _row(name, f"{self.wall:,.0f}", f"{self.walks:,}", f"{self.seconds:.2f} ({self.cores:.2f} cores)",
             f"{self.cpu:,.0f}{spent}", memory, loads)


def throughput(args: argparse.Namespace, source: Path, json_text: str, graph: Any, json_path: Path) -> None:
    """Random walks: the explorer with `--jobs` and with 1 process, inkjs's random play, and bink alone,
    wall-clock and per CPU second, taking turns for `--repeat` rounds; each row keeps its best figures
    and shows the load averages (1 minute) it was measured at."""
    from dreamphases.testing.story import count_flags

    runs = args.runs_large
    flags, _, added = count_flags(json_text, graph)
    copies = {"as compiled": json_text, "coverage counts": flags.text(added),
              "no line breaks": flags.text(added, line_breaks=False)}
    ours = {(jobs, walks): _Best(walks) for jobs, walks in ((args.jobs, runs), (args.jobs, 4 * runs), (1, 4 * runs))}
    reference = _Best(4 * runs)
    bare = {name: _Best(runs) for name in copies}
    for _ in range(args.repeat):
        for (jobs, walks), best in ours.items():
            load = os.getloadavg()[0]
            report, rss = _cli([str(source), "--runs", str(walks), "--jobs", str(jobs), "--seed", str(args.seed),
                                "--untagged-ok", "--no-trajectories"])
            timing = report["timing"]
            best.add(timing["choices_per_second"], timing["seconds"], timing["choices_per_cpu_second"],
                     timing["cpu_seconds"], rss, load)
        load = os.getloadavg()[0]
        played = _inkjs(json_path, 4 * runs, args.seed)
        loading = _inkjs(json_path, 0, args.seed)  # node's start and the story's load, off its CPU time
        if played and loading:
            seconds, rate, choices, cpu = played
            walking = max(cpu - loading[3], 1e-9)
            reference.add(rate, seconds, choices / walking, walking, 0.0, load)
        for name, story in copies.items():
            load = os.getloadavg()[0]
            rate, seconds, per_cpu = _bink_alone(story, runs, args.seed)
            bare[name].add(rate, seconds, per_cpu, 0.0, 0.0, load)
    rounds = f"best of {args.repeat} rounds" if args.repeat > 1 else "one round"
    print(f"  random-walk throughput and memory, ours beside inkjs's random play ({rounds}, taking turns):")
    _row("", "choices/s (wall)", "walks", "seconds (cores used)", "choices per CPU s", "peak RSS (largest process)",
         "load average")
    for (jobs, _), best in ours.items():
        best.show(f"explorer, {jobs} job{'s' if jobs > 1 else ''}", f"{best.rss:.0f} MB")
    if reference.loads:
        reference.show("inkjs random play", "(one process)")
    for name, best in bare.items():
        best.show(f"bink, {name}", "(this process)")
    print("  (explorer CPU: its worker processes, loading the story included; inkjs CPU: the node process less "
          "its start and the story's load;\n   bink alone: the engine's lean calls in a loop, as inkjs's random play "
          "does, on the story as compiled, on the copy that also counts visits for coverage (coverage counts),\n"
          "   and on that copy without line breaks, which the explorer plays (`CountFlags.text` with "
          "`line_breaks=False`))")
    many, one = ours[(args.jobs, 4 * runs)], ours[(1, 4 * runs)]
    if reference.loads:
        print(f"  explorer with {args.jobs} jobs / inkjs, wall clock: {many.wall / reference.wall:.2f}x "
              f"(target 2x); 1 job / inkjs: {one.wall / reference.wall:.2f}x")
        print(f"  per CPU second / inkjs: explorer {one.cpu / reference.cpu:.2f}x (1 job), "
              f"{many.cpu / reference.cpu:.2f}x ({args.jobs} jobs); bink alone "
              + ", ".join(f"{best.cpu / reference.cpu:.2f}x {name}" for name, best in bare.items()))
    print(f"  {args.jobs} jobs / 1 job, wall clock: {many.wall / one.wall:.2f}x")
    if _autogroup():
        print("  (this kernel shares CPU time between sessions first (sched_autogroup_enabled): while other "
              "sessions are busy, the explorer's workers\n   share one session's slice, whatever --jobs; the "
              "cores column says what each row got)")


def _autogroup() -> bool:
    try:
        return Path("/proc/sys/kernel/sched_autogroup_enabled").read_text().strip() == "1"
    except OSError:
        return False


def _bink_alone(json_text: str, runs: int, seed: int) -> tuple[float, float, float]:
    """(choices/s, seconds, choices per CPU s) of random walks on the runtime with nothing else: what
    the explorer could reach per process if everything it adds cost nothing."""
    import random

    from dreamphases.runtime.engine import Engine

    engine = Engine(json_text)
    start = engine.save_state()
    rng = random.Random(seed)
    choices = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(runs):
        engine.load_state(start)
        for _ in range(500):
            while engine.can_continue():
                engine.advance()
            offered = len(engine.choice_list())
            if not offered:
                break
            engine.choose(rng.randrange(offered))
            choices += 1
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    engine.release()
    return choices / wall, wall, choices / cpu


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
    _row("states per second", f"{tally.states / max(seconds, 1e-9):,.0f} (per CPU second of the workers: "
         f"{tally.states / max(outcome.cpu_seconds, 1e-9):,.0f}; load average now "
         f"{' '.join(f'{x:.2f}' for x in os.getloadavg())})")
    if not finished and args.why_states:
        why(json_text, graph, args.why_states)
    if args.real_budget:
        real_stories(args)


def _stories() -> list[Path]:
    """The real stories beside the checkout: inkle's ink-proof cases and the ink corpus."""
    shared = ROOT.parent / "shared"
    return sorted((shared / "ink-proof" / "ink").glob("*/story.ink")) + sorted((shared / "ink-corpus").rglob("*.ink"))


def real_stories(args: argparse.Namespace) -> None:
    """The exhaustive search on every ink-proof and ink-corpus story that compiles, with and without
    merging, each with `--real-budget` seconds: how many finish, and the states each search visited."""
    from dreamphases.compiler import compile_path

    stories = _stories()
    if not stories:
        print("\n  (no ../shared stories: the real-story figures are skipped)")
        return
    print(f"\n  The exhaustive search on the real stories (../shared ink-proof and ink-corpus), one job, "
          f"{args.real_budget:g} s each, with and without merging:")
    compiled: list[tuple[Path, str, Any]] = []
    for path in stories:
        try:
            result = compile_path(path)
        except Exception:  # noqa: BLE001 - a story our compiler rejects is counted, not fatal
            continue
        if result.json_text is not None and not any(d.is_error for d in result.diagnostics):
            compiled.append((path, result.json_text, result.graph))
    rows: dict[bool, list[tuple[Path, bool, int, int, float]]] = {True: [], False: []}
    for liveness in (True, False):
        for path, json_text, graph in compiled:
            started = time.perf_counter()
            outcome = _run(json_text, graph, 1, mode="exhaustive", max_depth=1000, max_states=10**9,
                           budget=args.real_budget, liveness=liveness, untagged_ok=True)
            done = outcome.stop_reason == "every reachable state was explored"
            rows[liveness].append((path, done, outcome.tally.states, outcome.tally.merged,
                                   time.perf_counter() - started))
    _row("", "with merging", "without")
    _row("stories searched", len(compiled), len(compiled))
    _row("finished", *(sum(r[1] for r in rows[k]) for k in (True, False)))
    _row("states visited", *(f"{sum(r[2] for r in rows[k]):,}" for k in (True, False)))
    _row("states merged", f"{sum(r[3] for r in rows[True]):,}", "-")
    _row("seconds in all", *(f"{sum(r[4] for r in rows[k]):.0f}" for k in (True, False)))
    _row("largest story (states)", *(f"{max((r[2] for r in rows[k]), default=0):,}" for k in (True, False)))
    _row("stories with a choice", *(sum(r[2] > 0 for r in rows[k]) for k in (True, False)))
    both = [(a, b) for a, b in zip(rows[True], rows[False], strict=True) if a[1] and b[1]]
    fewer = sum(a[2] < b[2] for a, b in both)
    print(f"  of the {len(both)} stories both searches finish, merging visits fewer states in {fewer}: "
          f"{sum(a[2] for a, _ in both):,} states against {sum(b[2] for _, b in both):,}")
    unfinished = [(a, b) for a, b in zip(rows[True], rows[False], strict=True) if not (a[1] and b[1])]
    for a, b in unfinished:
        name = a[0].relative_to(ROOT.parent / "shared")
        print(f"    {str(name):<52} merging: {'finished' if a[1] else 'not finished'} ({a[2]:,} states, "
              f"{a[3]:,} merged); without: {'finished' if b[1] else 'not finished'} ({b[2]:,} states)")


def why(json_text: str, graph: Any, budget: int) -> None:
    """What keeps states apart: the same search level by level in this process until `budget`
    states, then the last level's states counted again with one part of their identity ignored."""
    from dreamphases.analysis.observers import observers_of
    from dreamphases.runtime.state import canonical_state, replace_counts_and_variables, state_digest
    from dreamphases.testing.explorer import ExploreOptions, Walker
    from dreamphases.testing.pool import Trail
    from dreamphases.testing.state_key import observed_values
    from dreamphases.testing.strategies.exhaustive import Expand, Root

    walker = Walker(json_text, graph, ExploreOptions(mode="exhaustive"))
    observers = observers_of(walker.instrumented[0].text(()))

    def identities(level: list[Any]) -> list[tuple[bytes, dict[str, object], dict[str, object]]]:
        """Each state's place (call stack and choices offered), and what is kept of its counts and variables."""
        rows = []
        for packed, _ in level:
            data = canonical_state(zlib.decompress(packed).decode("utf-8"), 1 << 62, walker.added)
            counts, variables = observed_values(data, walker.options.visit_bound, observers)
            replace_counts_and_variables(data, {}, {})
            rows.append((state_digest(data), counts, variables))
        return rows

    _, (found, _) = Root().run(walker, Trail(), frozenset())
    seen = {found[0][0]}
    frontier: list[tuple[bytes, tuple[int, ...]]] = [(found[0][2], ())]
    #: per level: new states, states merged into one already seen, places, states without their variables
    widths: list[tuple[int, int, int, int]] = []
    total = 1
    while frontier and total < budget:
        _, (found, _) = Expand(frontier).run(walker, Trail(), frozenset())
        following, merged = [], 0
        for live, _full, packed, path in found:
            if live in seen:
                merged += 1
                continue
            seen.add(live)
            following.append((packed, path))
        if not following:
            break
        rows = identities(following)
        widths.append((len(following), merged, len({r[0] for r in rows}),
                       len({(r[0], json.dumps(r[1], sort_keys=True)) for r in rows})))
        total += len(following)
        frontier = following
    print(f"  why it does not finish: the same search in one process to {total:,} states, level by level "
          "(places: call stack and choices offered; the last column: the level's states told apart with "
          "every variable ignored)")
    print("  level  new states  met again  growth  places  without variables  growth")
    for depth, (width, merged, places, plain) in enumerate(widths, 1):
        growth = f"x{width / widths[depth - 2][0]:.2f}" if depth > 1 else ""
        plain_growth = f"x{plain / widths[depth - 2][3]:.2f}" if depth > 1 else ""
        print(f"  {depth:>5}  {width:>10,}  {merged:>9,}  {growth:>6}  {places:>6}  {plain:>17,}  {plain_growth:>6}")
    rows = identities(frontier)

    def distinct(drop_counts: bool, drop: frozenset[str]) -> int:
        return len({(place, json.dumps({} if drop_counts else counts, sort_keys=True),
                     json.dumps({k: v for k, v in variables.items() if k not in drop}, sort_keys=True, default=str))
                    for place, counts, variables in rows})

    names = sorted({name for _, _, variables in rows for name in variables})
    print(f"  the last level's {len(rows):,} states stand at {len({r[0] for r in rows})} places (call stack and "
          "choices offered); they would be this many with one part of their identity ignored:")
    print(f"    {'visit counts ignored':<34}{distinct(True, frozenset()):>9,}")
    print(f"    {'every variable ignored':<34}{distinct(False, frozenset(names)):>9,}")
    print(f"    {'both ignored':<34}{distinct(True, frozenset(names)):>9,}")
    for name in names:
        values = sorted({str(v.get(name, "-"))[:24] for _, _, v in rows})
        shown = ", ".join(values[:8]) + (" …" if len(values) > 8 else "")
        print(f"    {name + ' ignored':<34}{distinct(False, frozenset({name})):>9,}   "
              f"({len(values)} values or classes told apart: {shown})")
    for column, what in ((0, "new states"), (3, "states told apart with every variable ignored")):
        recent = [w[column] for w in widths[-3:]]
        if len(recent) > 1:
            growth = (recent[-1] / recent[0]) ** (1 / (len(recent) - 1))
            print(f"  each level multiplies the {what} by about {growth:.2f}: ten levels more would be "
                  f"about {recent[-1] * growth ** 10:,.0f} in one level")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--seeds", default="",
                        help="the coverage race once per seed (comma-separated, e.g. 1,2,3), with each seed's "
                             "ratios and their median")
    parser.add_argument("--inkjs", action=argparse.BooleanOptionalAction, default=True,
                        help="time inkjs's random play for as many walks as random walks needed (--no-inkjs: skip)")
    parser.add_argument("--cap", type=float, default=180,
                        help="seconds before the guided search's coverage race is called off, and the least "
                             "random walks get")
    parser.add_argument("--ratio", type=float, default=10,
                        help="random walks get at least this many times the guided search's time")
    parser.add_argument("--window", type=float, default=60, help="seconds of search on the generated story")
    parser.add_argument("--runs-large", type=int, default=100, help="walks for the throughput figure (and 4x)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="rounds of the generated story's throughput table, taking turns; each row keeps its best")
    parser.add_argument("--lines", type=int, default=20000, help="size of the generated story")
    parser.add_argument("--exhaustive-budget", type=float, default=600)
    parser.add_argument("--why-states", type=int, default=20000,
                        help="when the exhaustive search does not finish: states of the one-process search that "
                             "shows what keeps states apart (0: skip it)")
    parser.add_argument("--real-budget", type=float, default=10,
                        help="seconds of exhaustive search for each ink-proof and ink-corpus story (0: skip them)")
    parser.add_argument("--only", choices=("bundled", "generated", "exhaustive"), help="one table only")
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}, load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    from dreamphases.testing.pool import warm_up

    warm_up()  # as `dreamphases explore` does while it compiles: no race pays for starting it
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
