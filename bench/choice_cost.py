"""What a choice costs the guided search's walks, beside what it costs random walks, on the bundled story.

    python bench/choice_cost.py [--seeds 1-3] [--jobs 1] [--repeat 1] [--random-walks 2000]

The guided search needs many times fewer choices than random walks to cover everything, and its lead
in time is that ratio divided by how much more each of its choices costs. This measures the second
number: for each seed, the guided search to full coverage (`guided_seeds.search`: one process, whole
rounds, the same search as with any `--jobs`) with the CPU time of its tasks (what workers spend:
walks, corpus states, branch distances, replays) kept apart from the planning the parent does; and
`--random-walks` random walks with the same seed, in the same kind of process. Both are CPU time
(`time.process_time`), so the load on the machine moves them less than wall-clock time; `--repeat`
runs everything again and keeps each figure's best. The choices each guided search took are printed
too, and a digest of everything its tasks found and played (`guided_seeds.Result.digest`): a change
that only makes choices cheaper must leave both exactly as they were.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from guided_seeds import BUNDLED, _seeds, search  # noqa: E402 - bench/ is not a package


def random_cost(seed: int, walks: int) -> tuple[int, float]:
    """(choices, CPU seconds of the tasks) for `walks` random walks with `seed`, in this process."""
    from dreamphases.compiler import compile_path
    from dreamphases.testing.explorer import ExploreOptions, Walker
    from dreamphases.testing.pool import Trail
    from dreamphases.testing.strategies import make_strategy

    compiled = compile_path(BUNDLED)
    assert compiled.json_text is not None and compiled.graph is not None
    walker = Walker(compiled.json_text, compiled.graph, ExploreOptions(mode="random", runs=walks, seed=seed))
    strategy = make_strategy(walker, (1, 1))
    player = walker.for_worker(strategy.uses_facts)()
    player.enter_worker(Trail())
    choices, cpu = 0, 0.0
    tasks = strategy.first()
    while tasks:
        for task in tasks:
            started = time.process_time()
            tally, _ = task.run(player, Trail(), frozenset())
            cpu += time.process_time() - started
            choices += tally.choices
        tasks = strategy.after([None] * len(tasks))
    return choices, cpu


def guided_cost(seed: int) -> tuple[int, float, float, str]:
    """(choices to full coverage, CPU seconds of the tasks, CPU seconds in all, the search's digest)
    for one seed."""
    result = search(seed, 0, 100_000)
    return result.choices, result.task_cpu, result.cpu, result.digest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", default="1-3", help="seeds, as 1-3 or 1,2,5")
    parser.add_argument("--jobs", type=int, default=1, help="measurements run at once (1: none disturbs another)")
    parser.add_argument("--repeat", type=int, default=1, help="run everything this many times; keep the best")
    parser.add_argument("--random-walks", type=int, default=2000, help="random walks per seed")
    args = parser.parse_args()
    seeds = _seeds(args.seeds)
    guided: dict[int, tuple[int, float, float, str]] = {}
    randoms: dict[int, tuple[int, float]] = {}
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for _ in range(args.repeat):
            g = pool.map(guided_cost, seeds)
            r = pool.map(random_cost, seeds, [args.random_walks] * len(seeds))
            for seed, result in zip(seeds, g, strict=True):
                best = guided.get(seed)
                if best is not None and best[3] != result[3]:
                    print(f"seed {seed}: the guided search differed between runs ({best[0]:,} choices, then "
                          f"{result[0]:,})")
                guided[seed] = min(best or result, result, key=lambda x: x[1])
            for seed, rr in zip(seeds, r, strict=True):
                randoms[seed] = min(randoms.get(seed, rr), rr, key=lambda x: x[1] / max(x[0], 1))
    load = os.getloadavg()
    print(f"cost per choice on {BUNDLED.relative_to(BUNDLED.parents[1])}: CPU µs per choice of the tasks "
          f"(best of {args.repeat}; load {load[0]:.1f} {load[1]:.1f} {load[2]:.1f})")
    print(f"{'seed':>4} | {'guided choices':>14} | {'guided µs':>9} | {'with planning':>13} | "
          f"{'random choices':>14} | {'random µs':>9} | ratio | search")
    for seed in seeds:
        choices, task_cpu, cpu, digest = guided[seed]
        rc, rcpu = randoms[seed]
        g_us, r_us = task_cpu / choices * 1e6, rcpu / max(rc, 1) * 1e6
        print(f"{seed:>4} | {choices:>14,} | {g_us:>9.0f} | {cpu / choices * 1e6:>13.0f} | {rc:>14,} | "
              f"{r_us:>9.0f} | {g_us / r_us:.2f}x | {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
