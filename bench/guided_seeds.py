"""The guided search on the bundled story, seed by seed: how much it plays to full coverage, and what
it covers last.

    python bench/guided_seeds.py [--seeds 1-8] [--jobs 2] [--last 4]

The search's length varies with the seed far more than its cost per choice does (on the bundled story
77,000 to 396,000 choices over seeds 1 to 8), so a change to the search is judged on many seeds, not
one or three: this prints, for each seed, the walks, choices and CPU seconds the search took to cover
everything, its last `--last` finds (which targets, after how many walks, and how many walks were
aimed at each), and the median, geometric mean and worst case over the seeds.

Each seed's search runs in one process, its tasks played in that process in task order and its rounds
planned when `explore` plans them (`strategies.base.Rounds` decides for both): the same search as
`dreamphases explore --strategy guided` plays with any `--jobs` (a seed gives the same search),
measured without the worker pool, so CPU seconds are the search's own. The choices are counted to
the task at which everything was covered, where `explore --until-covered` stops, and to the end of
that round (the next plan), which the `search` digest covers. `--jobs` runs
that many seeds at once.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import statistics
import sys
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "story" / "dreamphases.ink"


@dataclass(frozen=True)
class Result:
    seed: int
    covered: bool
    walks: int
    choices: int
    #: CPU time of the search (its tasks and its planning), without this harness's digest and finds
    cpu: float
    #: of `cpu`, the tasks' own (what workers spend; the rest is the planning a run's parent does)
    task_cpu: float
    #: the last finds: (coverage id, where it is written, walks by then, walks aimed at it by then)
    last: tuple[tuple[str, str, int, int], ...]
    #: a hash of what every task found and played, in order, to the end of the round (the tasks before
    #: the next plan) in which it covered everything: equal for the same search (a change meant only to
    #: make choices cheaper must leave it as it was)
    digest: str = ""
    #: walks and choices to that round's end
    round_walks: int = 0
    round_choices: int = 0


def search(seed: int, last: int, max_walks: int) -> Result:
    """One seed's guided search to full coverage (or `max_walks`), in this process."""
    from dreamphases.compiler import compile_path
    from dreamphases.testing.explorer import ExploreOptions, Tally, Walker, universe_of
    from dreamphases.testing.pool import Trail
    from dreamphases.testing.strategies import make_strategy
    from dreamphases.testing.strategies.base import Rounds

    compiled = compile_path(BUNDLED)
    graph = compiled.graph
    assert compiled.json_text is not None and graph is not None
    walker = Walker(compiled.json_text, graph, ExploreOptions(mode="guided", runs=1 << 40, seed=seed))
    strategy = make_strategy(walker, (1, 1))
    player = walker.for_worker(strategy.uses_facts)()
    player.enter_worker(Trail())  # its runtime's panics go to a file from here on, as in a worker
    universe = universe_of(walker)
    wanted = {*(i for kind, ids in universe.items() if kind != "endings" for i in ids),
              *(f"e:{e}" for e in universe["endings"])}
    total = Tally()
    finds: list[tuple[str, str, int, int]] = []
    seen: set[str] = set()
    started = time.process_time()
    task_cpu = 0.0
    #: what this harness adds (the digest, the list of finds), left out of the search's CPU time
    harness = 0.0
    digest = hashlib.blake2b(digest_size=8)
    # rounds planned and handed out as `explore` does (`Rounds`: the same plans from the same results)
    rounds = Rounds(strategy)
    queue = deque(rounds.first())
    covered_at: tuple[int, int] | None = None
    while queue:
        task = queue.popleft()
        begun = time.process_time()
        tally, payload = task.run(player, Trail(), frozenset())
        task_cpu += time.process_time() - begun
        total.merge(tally)
        begun = time.process_time()
        digest.update(repr((tally.choices, tally.states, sorted(tally.visited), sorted(tally.endings),
                            _canonical(payload))).encode())
        harness += time.process_time() - begun
        queue.extend(rounds.take(payload))
        if rounds.planned:
            total.merge(strategy.own_tally())
        if covered_at is None:
            begun = time.process_time()
            now = (total.visited | {f"e:{e}" for e in total.endings}) & wanted
            # the strategy's own count of walks aimed at each target (a diagnostic reads its books)
            aimed: dict[str, int] = getattr(strategy, "_aimed", {})
            finds += [(i, _where(graph, i), total.walks, aimed.get(i, 0)) for i in sorted(now - seen)]
            seen |= now
            if seen == wanted or total.walks >= max_walks:
                # where `explore --until-covered` stops; the round is played to its end (the next plan)
                # for the figures and digest of whole rounds
                covered_at = (total.walks, total.choices)
            harness += time.process_time() - begun
        if covered_at is not None and (rounds.planned or not queue):
            break
    walks, choices = covered_at or (total.walks, total.choices)
    return Result(seed, seen == wanted, walks, choices, time.process_time() - started - harness, task_cpu,
                  tuple(finds[-last:] if last else ()), digest.hexdigest(), total.walks, total.choices)


def _canonical(value: object) -> object:
    """A task's finds as plain values whose repr is the same in every process (sets sorted: string
    hashes differ between processes). A kept state's bytes are left out: its path and seed make it, and
    how it is stored (compressed or not) is no part of the search."""
    if isinstance(value, set | frozenset):
        return ("set", *sorted(repr(_canonical(v)) for v in value))
    if isinstance(value, list | tuple):
        return tuple(_canonical(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__, *(_canonical(getattr(value, f.name)) for f in dataclasses.fields(value)
                                        if f.name != "packed"))
    return value


def _where(graph: object, coverage_id: str) -> str:
    """The node a coverage id is written in."""
    if coverage_id.startswith(("?", "*")):
        items = getattr(graph, "branches" if coverage_id[0] == "?" else "choices")
        return str(items[int(coverage_id[1:])].node)
    return coverage_id


def _seeds(text: str) -> list[int]:
    out: list[int] = []
    for part in text.split(","):
        low, _, high = part.partition("-")
        out += range(int(low), int(high or low) + 1)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", default="1-8", help="seeds, as 1-8 or 1,2,5")
    parser.add_argument("--jobs", type=int, default=2, help="seeds searched at once")
    parser.add_argument("--last", type=int, default=4, help="the last finds to show per seed")
    parser.add_argument("--max-walks", type=int, default=100_000, help="give a seed up after this many walks")
    args = parser.parse_args()
    seeds = _seeds(args.seeds)
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(search, seeds, [args.last] * len(seeds), [args.max_walks] * len(seeds)))
    print(f"guided search on {BUNDLED.relative_to(ROOT)} to full coverage, one process per seed")
    for r in results:
        state = "" if r.covered else f" (not covered within {args.max_walks:,} walks)"
        print(f"seed {r.seed}: {r.walks:,} walks, {r.choices:,} choices ({r.round_choices:,} to the round's end), "
              f"{r.cpu:.1f} CPU s, "
              f"{r.cpu / max(r.choices, 1) * 1e6:.0f} us per choice ({r.task_cpu / max(r.choices, 1) * 1e6:.0f} in its "
              f"tasks), search {r.digest}{state}")
        for coverage_id, where, walks, aimed in r.last:
            print(f"    {coverage_id:<10} in {where:<36} after {walks:>7,} walks, {aimed:>6,} aimed at it")
    choices = [r.choices for r in results]
    print(f"choices over {len(results)} seeds: median {statistics.median(choices):,.0f}, geometric mean "
          f"{statistics.geometric_mean(choices):,.0f}, worst {max(choices):,}; CPU seconds: median "
          f"{statistics.median(r.cpu for r in results):.1f}")
    return 0 if all(r.covered for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
