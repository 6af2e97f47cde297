"""What every strategy provides to the driver (`explorer.explore`)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from dreamphases.testing.explorer import Tally, Walker
from dreamphases.testing.pool import Trail

__all__ = ["Rounds", "Strategy", "Task"]


class Task(ABC):
    """One piece of work for a worker process. Picklable; deterministic given its fields.

    `run` returns (tally, payload): the tally is merged into the report, the payload goes back to the
    strategy to plan the next round. A task counts its *units* (walks, or choices tried) from 0 and
    calls `trail.begin(unit, …)` before each, skipping those in `skip` (they crashed the runtime).
    """

    @abstractmethod
    def run(self, walker: Walker, trail: Trail, skip: frozenset[int]) -> tuple[Tally, Any]: ...


class Strategy(ABC):
    """Plans rounds of tasks. Constructed in the parent process, which never plays the story."""

    #: what `work` counts ("walks" or "states"): milestones and `--until-covered` are in these units
    work_name = "walks"
    #: `--until-covered` never stops on a plateau before this much work
    patience = 200
    #: whether tasks read `walker.facts()` (workers get them built, since they hold no story graph)
    uses_facts = True
    #: tasks that may still be running when the strategy plans its next round (`Rounds`): 0, each
    #: round is planned from every result of the one before, and the workers wait meanwhile; more,
    #: the next round is planned from the results in so far but these last, in task order, and
    #: queued while they run (they are learnt with the round after)
    ahead = 0

    def __init__(self, walker: Walker, shard: tuple[int, int]) -> None:
        self.options = walker.options
        self.shard = shard
        #: how many tasks the whole run has, when the strategy knows (the progress bar's total)
        self.expected_tasks: int | None = None

    def mine(self, index: int) -> bool:
        """Whether task number `index` (numbered the same on every shard) is this shard's."""
        part, count = self.shard
        return index % count == part - 1

    @abstractmethod
    def first(self) -> list[Task]: ...

    @abstractmethod
    def after(self, payloads: list[Any]) -> list[Task]:
        """The next round, from the payloads of the tasks run since the last plan, in task order
        (those still running, `ahead`, come with the next call; [] = done)."""

    @abstractmethod
    def finished(self, tally: Tally) -> str:
        """Why the strategy ran out of tasks (a key `explorer.describe_stop` knows)."""

    def own_tally(self) -> Tally:
        """What the strategy learnt itself while planning the last round, to merge into the report
        (the exhaustive search counts states against its one seen-set here); taken once."""
        return Tally()

    def work(self, tally: Tally) -> int:
        return tally.walks if self.work_name == "walks" else tally.states


class Rounds:
    """When a strategy plans, and from which results: the one place that decides it (`explore` runs
    what it hands out in worker processes, `bench/guided_seeds.py` in one process, and both get the
    same search).

    Results are taken in task order. The strategy plans its next round (`after`) once every task
    handed out but its last `ahead` has given its result, from the results not yet given to it, and
    the new round is handed out at once, queued behind those still running: with `ahead` tasks in
    flight the workers never wait for a round's slowest task nor for the planning. What a plan
    sees is a fixed prefix of the tasks in task order, so the search is the same for any `--jobs`.
    """

    def __init__(self, strategy: Strategy) -> None:
        self._strategy = strategy
        #: tasks handed out whose payloads the strategy has not been given
        self._unseen = 0
        self._payloads: list[Any] = []
        self._over = False
        #: whether the last `take` made the strategy plan (its `own_tally` is then the caller's to merge)
        self.planned = False

    def first(self) -> list[Task]:
        return self._out(self._strategy.first())

    def _out(self, tasks: list[Task]) -> list[Task]:
        self._over = not tasks
        self._unseen += len(tasks)
        return tasks

    def take(self, payload: Any) -> list[Task]:
        """The payload of the next task in task order (None for one that crashed every time); the
        tasks to run next, when the strategy planned a round with it."""
        self._payloads.append(payload)
        self.planned = False
        if self._over or self._unseen - len(self._payloads) > self._strategy.ahead:
            return []
        payloads, self._payloads = self._payloads, []
        self._unseen -= len(payloads)
        self.planned = True
        return self._out(self._strategy.after(payloads))
