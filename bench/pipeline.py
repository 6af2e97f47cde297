"""How busy the guided search keeps its workers: wall-clock time, workers' CPU and the parent's own, one run.

    flock /work/wt/bench.lock python bench/pipeline.py [--seeds 1,2,3] [--jobs 2] [--repeat 1]

For each seed, the guided search on the bundled story runs to full coverage with `--jobs` worker
processes, as `bench/explore.py`'s race runs it (in this process, `until_covered`, no plateau), and
prints: the wall-clock time, the workers' CPU time (loading the story included, as they report it),
the cores they used (CPU / (wall x jobs): 1.0 is every worker busy all the time), the parent's own
CPU time (planning, merging, sending and receiving tasks) and how much of it planning took
(`Strategy.after`, per round), the share of the workers' time spent waiting for a task (for want of
one sent: `Pool.wait_seconds` over wall x jobs; on a busy machine, cores used falls while this
does not), with the load average before each run. `--repeat` runs each seed
that many times and keeps the run with the most cores used (the machine is shared).

The wall-clock ratio to random walks in `bench/explore.py` is lower than the CPU one by what this
measures: time the workers spend waiting for the parent or for a round's last task.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "story" / "dreamphases.ink"


@dataclass(frozen=True)
class Run:
    seed: int
    load: str
    wall: float
    workers: float
    parent: float
    planning: float
    #: wall-clock seconds the workers spent waiting for a task (summed over them)
    waiting: float
    rounds: int
    walks: int
    choices: int

    def cores(self, jobs: int) -> float:
        return self.workers / (self.wall * jobs)


def run(json_text: str, graph: object, seed: int, jobs: int, cap: float) -> Run:
    from dreamphases.testing.explorer import ExploreOptions, Walker, explore
    from dreamphases.testing.strategies.guided import Guided

    planning = [0.0, 0]
    after = Guided.after

    def timed(self: Guided, payloads: list[object]) -> object:
        begun = time.process_time()
        try:
            return after(self, payloads)
        finally:
            planning[0] += time.process_time() - begun
            planning[1] += 1

    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    walker = Walker(json_text, graph, ExploreOptions(mode="guided", runs=1 << 40, seed=seed, until_covered=True,  # type: ignore[arg-type]
                                                     patience=1 << 40, budget=cap))
    Guided.after = timed  # type: ignore[method-assign,assignment]
    try:
        begun = time.process_time()
        outcome = explore(walker, jobs=jobs)
        parent = time.process_time() - begun
    finally:
        Guided.after = after  # type: ignore[method-assign]
    return Run(seed, load, outcome.seconds, outcome.cpu_seconds, parent, planning[0], outcome.wait_seconds, planning[1],
               outcome.tally.walks, outcome.tally.choices)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", default="1,2,3")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1, help="runs per seed; the busiest is kept")
    parser.add_argument("--cap", type=float, default=180.0, help="seconds a search may take")
    args = parser.parse_args()
    from dreamphases.compiler import compile_path
    from dreamphases.testing.pool import warm_up

    warm_up()
    compiled = compile_path(BUNDLED)
    assert compiled.json_text is not None
    print(f"guided search on {BUNDLED.relative_to(ROOT)} to full coverage, {args.jobs} jobs")
    print(f"  {'seed':<6}{'wall s':>8}{'workers CPU s':>15}{'cores used':>12}{'parent CPU s':>14}"
          f"{'planning ms/round':>19}{'workers waiting':>17}{'plans':>8}{'walks':>8}{'choices':>10}  load before")
    for seed in (int(s) for s in args.seeds.split(",")):
        runs = [run(compiled.json_text, compiled.graph, seed, args.jobs, args.cap) for _ in range(args.repeat)]
        r = max(runs, key=lambda r: r.cores(args.jobs))
        print(f"  {r.seed:<6}{r.wall:>8.2f}{r.workers:>15.2f}{r.cores(args.jobs):>12.2f}{r.parent:>14.2f}"
              f"{r.planning / max(r.rounds, 1) * 1e3:>19.1f}{r.waiting / (r.wall * args.jobs):>17.0%}"
              f"{r.rounds:>8}{r.walks:>8,}{r.choices:>10,}  {r.load}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
