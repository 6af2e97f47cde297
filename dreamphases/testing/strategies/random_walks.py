"""Random walks: walk k chooses uniformly at random with its own RNG, seeded from (seed, k).

Walk k is the same wherever it runs (its RNG also seeds the story's RANDOM), so tasks are just ranges
of walk numbers, and shards take every n-th task.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from dreamphases.testing.explorer import Tally, Walker
from dreamphases.testing.pool import Trail
from dreamphases.testing.strategies.base import Strategy, Task

__all__ = ["RandomWalks", "WALKS_PER_TASK"]

#: Random walks per task: small enough to balance across processes, large enough to amortise IPC.
WALKS_PER_TASK = 25
#: Tasks per round: the stopping rules look at the merged results between rounds of this many.
TASKS_PER_ROUND = 8
#: Without `--until-covered`, a run of up to this many tasks is one round: nothing needs to be decided
#: between rounds, and a round's last task would leave the other processes idle until it finished.
ONE_ROUND = 4096


def random_walk(walker: Walker, k: int, unit: int, tally: Tally, trail: Trail) -> None:
    options = walker.options
    rng = random.Random(f"{options.seed}:{k}")
    seed = rng.randrange(1 << 30)
    trail.begin(unit, seed, ())
    walker.start(seed)
    tally.walks += 1
    for observer in walker.observers:
        observer.begin(walker)
    count = walker.settle(tally, (), seed)
    tally.states += 1
    for observer in walker.observers:
        observer.step(walker, 0, None)
    count = walker.walk(rng, tally, [], seed, options.max_steps, count, trim=True)
    if count:
        tally.truncated += 1
    for observer in walker.observers:
        observer.end(walker, tally, [] if count else walker.endings)
    walker.cover(tally)


@dataclass(slots=True)
class Walks(Task):
    walks: tuple[int, ...]

    def run(self, walker: Walker, trail: Trail, skip: frozenset[int]) -> tuple[Tally, Any]:
        tally = Tally()
        for unit, k in enumerate(self.walks):
            if unit not in skip:
                random_walk(walker, k, unit, tally, trail)
        return tally, None


class RandomWalks(Strategy):
    uses_facts = False

    def __init__(self, walker: Walker, shard: tuple[int, int]) -> None:
        super().__init__(walker, shard)
        self._next = 0  # the next task number
        tasks = -(-self.options.runs // WALKS_PER_TASK)
        self._tasks = tasks
        self.expected_tasks = len([i for i in range(tasks) if self.mine(i)]) if tasks < 1 << 20 else None

    def _round(self) -> list[Task]:
        out: list[Task] = []
        runs = self.options.runs
        size = TASKS_PER_ROUND if self.options.until_covered or self._tasks > ONE_ROUND else self._tasks
        while not out and self._next < self._tasks:
            for number in range(self._next, min(self._next + size, self._tasks)):
                if self.mine(number):
                    first = number * WALKS_PER_TASK
                    out.append(Walks(tuple(range(first, min(first + WALKS_PER_TASK, runs)))))
            self._next += size
        return out

    def first(self) -> list[Task]:
        return self._round()

    def after(self, payloads: list[Any]) -> list[Task]:
        return self._round()

    def finished(self, tally: Tally) -> str:
        return "runs"
