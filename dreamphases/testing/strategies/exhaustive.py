"""Exhaustive search: breadth-first over every choice, saving and restoring runtime states.

The search goes level by level. Each level's frontier (compressed states at choice points, with the
choice path to each) is cut into slices of `SLICE` states, one task each; a task tries every choice of
every state in its slice and returns the new states with their keys. The parent (this strategy) keeps
the one seen-set of the whole search, so a state reached from two places is expanded once wherever
the two were found — a story that branches and joins again (most do) is searched as a graph, not as
a tree. Slices depend only on the frontier, never on `--jobs`, so the report is the same with any
number of processes.

States are told apart by `state_key`: a canonical hash of the runtime state, and with liveness (the
default) one that leaves out what no later read can observe, so states that differ only in that are
*merged* — the report counts how many.

With `--shard K/N` (N > 1), every shard runs the first levels alike until the frontier is `SPLIT_WIDTH`
wide, then keeps its share of that frontier and searches on from it with its own seen-set (shard 1
alone reports the shared levels).

With `--budget`, tasks stop a little before the deadline and return what they did, so the report
counts the work done, and the states left unexpanded.
"""

from __future__ import annotations

import time
import zlib
from dataclasses import dataclass, field
from typing import Any

from dreamphases.analysis.observers import observers_of
from dreamphases.testing.explorer import Tally, Walker
from dreamphases.testing.pool import Trail
from dreamphases.testing.state_key import state_key
from dreamphases.testing.strategies.base import Strategy, Task

__all__ = ["Exhaustive", "SLICE", "SPLIT_WIDTH"]

#: How wide the shared breadth-first prefix grows before shards split the frontier between them.
SPLIT_WIDTH = 16
#: States per task: small enough to spread a level over the workers, big enough that sending the
#: states back and forth costs little beside playing them.
SLICE = 64

Entry = tuple[bytes, tuple[int, ...]]  # a compressed state at a choice point, and the path to it
#: a state found by a task: (key, full key, compressed state or None if the task met the key before, path)
Found = tuple[bytes, bytes, bytes | None, tuple[int, ...]]


def _keys(walker: Walker, state: str) -> tuple[bytes, bytes]:
    """(key with what no later read observes left out, full key): equal without liveness."""
    options = walker.options
    if not options.liveness:
        full, _ = state_key(state, options.visit_bound, walker.added, None)
        return full, full
    observers = walker.cache.get("observers")
    if observers is None:  # read off the story the engine plays, once per process
        observers = walker.cache["observers"] = observers_of(walker.instrumented[0].text(()))
    full, live = state_key(state, options.visit_bound, walker.added, walker.facts().liveness, observers)
    return live, full


@dataclass(slots=True)
class Root(Task):
    """The story's first choice point (every shard plays it; the first one reports it)."""

    report: bool = True

    def run(self, walker: Walker, trail: Trail, skip: frozenset[int]) -> tuple[Tally, Any]:
        tally = Tally()
        if 0 in skip:
            return tally, []
        seed = walker.options.seed
        trail.begin(0, seed, ())
        walker.start(seed)
        count = walker.settle(tally, (), seed)
        walker.cover(tally)
        if not self.report:
            tally = Tally()
        if not count:
            return tally, []
        state = walker.state_text()
        live, full = _keys(walker, state)
        return tally, ([(live, full, zlib.compress(state.encode("utf-8"), 1), ())], [])


@dataclass(slots=True)
class Expand(Task):
    """Every choice of every state in one slice of a level; the states they lead to come back.

    Stops early at `deadline` (a `time.monotonic()` value): the entries not expanded come back too."""

    entries: list[Entry]
    deadline: float | None = None
    report: bool = True

    def run(self, walker: Walker, trail: Trail, skip: frozenset[int]) -> tuple[Tally, Any]:
        tally = Tally()
        seed = walker.options.seed
        found: list[Found] = []
        met: set[bytes] = set()
        unit = 0
        for n, (packed, path) in enumerate(self.entries):
            if self.deadline is not None and time.monotonic() >= self.deadline:
                return (tally if self.report else Tally()), (found, self.entries[n:])
            state = zlib.decompress(packed).decode("utf-8")
            walker.load_text(state)
            count = walker.choice_count()
            loaded = True
            for index in range(count):
                here, unit = unit, unit + 1
                if here in skip:
                    loaded = False
                    continue
                if not loaded:
                    walker.load_text(state)
                loaded = False
                step = path + (index,)
                trail.begin(here, seed, path)
                walker.choose(index)
                tally.choices += 1
                more = walker.settle(tally, step, seed)
                walker.cover(tally)
                if not more:
                    continue
                after = walker.state_text()
                live, full = _keys(walker, after)
                if live in met:
                    found.append((live, full, None, step))
                    continue
                met.add(live)
                # a frontier can hold hundreds of thousands of states; compressed they take ~5x less
                found.append((live, full, zlib.compress(after.encode("utf-8"), 1), step))
        return (tally if self.report else Tally()), (found, [])


@dataclass(slots=True)
class _Level:
    """What the parent keeps between levels."""

    depth: int = 0
    seen: set[bytes] = field(default_factory=set)
    seen_full: set[bytes] = field(default_factory=set)
    split: bool = False


class Exhaustive(Strategy):
    work_name = "states"
    patience = 2000

    def __init__(self, walker: Walker, shard: tuple[int, int]) -> None:
        super().__init__(walker, shard)
        self._level = _Level()
        self._own = Tally()
        self._stop = ""
        #: states this shard has admitted (the `--max-states` budget)
        self._states = 0
        budget = self.options.budget
        #: tasks stop this early so their results are back before the driver's deadline
        self._deadline = (None if budget is None
                          else time.monotonic() + budget - min(2.0, budget * 0.1))

    def first(self) -> list[Task]:
        return [Root(self.shard[0] == 1)]

    def own_tally(self) -> Tally:
        own, self._own = self._own, Tally()
        return own

    def after(self, payloads: list[Any]) -> list[Task]:
        level, own, options = self._level, self._own, self.options
        # the levels every shard plays alike are reported by the first shard only
        shared = self.shard[1] > 1 and not level.split
        counted = Tally() if shared and self.shard[0] != 1 else own
        frontier: list[Entry] = []
        unexpanded = 0
        timed_out = False
        for payload in payloads:
            if not payload:
                continue
            found, left = payload
            unexpanded += len(left)
            timed_out = timed_out or bool(left)
            for live, full, packed, path in found:
                if live in level.seen:
                    if full not in level.seen_full:
                        level.seen_full.add(full)
                        counted.merged += 1
                    continue
                if self._states >= options.max_states:
                    counted.truncated = 1
                    unexpanded += 1
                    continue
                assert packed is not None  # the first time a task met a key, it sent the state
                level.seen.add(live)
                level.seen_full.add(full)
                counted.states += 1
                self._states += 1
                frontier.append((packed, path))
        if timed_out:  # the time budget ran out inside this level
            counted.frontier_left += unexpanded + len(frontier)
            self._stop = "budget"
            return []
        if counted.truncated:
            counted.frontier_left += unexpanded + len(frontier)
            return []
        if not frontier:
            return []
        if level.depth >= options.max_depth:
            counted.frontier_left += len(frontier)
            return []
        if self._deadline is not None and time.monotonic() >= self._deadline:
            counted.frontier_left += len(frontier)
            self._stop = "budget"
            return []
        level.depth += 1
        report = True
        if self.shard[1] > 1 and not level.split:
            if len(frontier) >= SPLIT_WIDTH:
                level.split = True
                frontier = [entry for n, entry in enumerate(frontier) if self.mine(n)]
            else:
                report = self.shard[0] == 1
        return [Expand(frontier[i:i + SLICE], self._deadline, report) for i in range(0, len(frontier), SLICE)]

    def finished(self, tally: Tally) -> str:
        if self._stop:
            return self._stop
        if tally.truncated:
            return "max-states"
        if tally.frontier_left:
            return "max-depth"
        return "exhausted"
