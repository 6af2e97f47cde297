"""What every strategy provides to the driver (`explorer.explore`)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from dreamphases.testing.explorer import Tally, Walker
from dreamphases.testing.pool import Trail

__all__ = ["Strategy", "Task"]


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
        """The next round, from the payloads of this round's tasks in task order ([] = done)."""

    @abstractmethod
    def finished(self, tally: Tally) -> str:
        """Why the strategy ran out of tasks (a key `explorer.describe_stop` knows)."""

    def own_tally(self) -> Tally:
        """What the strategy learnt itself while planning the last round, to merge into the report
        (the exhaustive search counts states against its one seen-set here); taken once."""
        return Tally()

    def work(self, tally: Tally) -> int:
        return tally.walks if self.work_name == "walks" else tally.states
