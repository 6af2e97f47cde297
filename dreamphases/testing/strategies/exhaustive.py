"""Exhaustive search: breadth-first over every choice, saving and restoring runtime states.

A breadth-first prefix is expanded identically everywhere (one task, on every shard) until the
frontier is wide enough; then each frontier state is one task searching its subtree with its own
seen-set. States are told apart by `state_key`: a canonical hash of the runtime state, and with
liveness (the default) one that ignores variables no later read can observe, so states that differ
only in those are *merged* — the report counts how many.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from typing import Any

from dreamphases.testing.explorer import Tally, Walker
from dreamphases.testing.pool import Trail
from dreamphases.testing.state_key import Liveness, state_key
from dreamphases.testing.strategies.base import Strategy, Task

__all__ = ["Exhaustive", "SPLIT_WIDTH"]

#: How wide the shared breadth-first prefix grows before the exhaustive search splits into tasks.
SPLIT_WIDTH = 16

Entry = tuple[bytes, tuple[int, ...]]  # a compressed state at a choice point, and the path to it


@dataclass(slots=True)
class _Search:
    """One process's search: what it has seen, and which units to skip (they crashed the runtime)."""

    walker: Walker
    trail: Trail
    skip: frozenset[int]
    liveness: Liveness | None
    seen: set[bytes] = field(default_factory=set)
    seen_full: set[bytes] = field(default_factory=set)
    unit: int = 0

    def key(self, state: str) -> tuple[bytes, bytes]:
        walker = self.walker
        return state_key(state, walker.options.visit_bound, walker.added, self.liveness)

    def fresh(self, state: str, tally: Tally) -> bool:
        """Whether `state` is new; counts it as merged when only liveness made it old."""
        full, live = self.key(state)
        if live in self.seen:
            if full not in self.seen_full:
                self.seen_full.add(full)
                tally.merged += 1
            return False
        self.seen.add(live)
        self.seen_full.add(full)
        return True

    def root(self, tally: Tally) -> Entry | None:
        walker = self.walker
        seed = walker.options.seed
        self.trail.begin(self.unit, seed, ())
        self.unit += 1
        walker.start(seed)
        count = walker.settle(tally, (), seed)
        tally.states += 1
        walker.cover(tally)
        if not count:
            return None
        state = walker.state_text()
        self.fresh(state, tally)
        return zlib.compress(state.encode("utf-8"), 1), ()

    def expand(self, frontier: list[Entry], tally: Tally, budget: int | None) -> list[Entry]:
        """One breadth-first level: every choice of every frontier state; new states are returned.

        With a `budget`, parents left unexpanded once `tally.states` reaches it are returned as they
        are (and counted in `truncated`), so the caller sees the search stopped early.
        """
        walker = self.walker
        seed = walker.options.seed
        following: list[Entry] = []
        for n, (packed, path) in enumerate(frontier):
            if budget is not None and tally.states >= budget:
                tally.truncated += 1
                return following + frontier[n:]
            state = zlib.decompress(packed).decode("utf-8")
            walker.load_text(state)
            count = walker.choice_count()
            loaded = True
            for index in range(count):
                unit = self.unit
                self.unit += 1
                if unit in self.skip:
                    loaded = False
                    continue
                if not loaded:
                    walker.load_text(state)
                loaded = False
                self.trail.begin(unit, seed, path)
                walker.choose(index)
                tally.choices += 1
                step = path + (index,)
                more = walker.settle(tally, step, seed)
                walker.cover(tally)
                if not more:
                    continue
                after = walker.state_text()
                if not self.fresh(after, tally):
                    continue
                tally.states += 1
                # a frontier can hold hundreds of thousands of states; compressed they take ~5x less
                following.append((zlib.compress(after.encode("utf-8"), 1), step))
        return following


@dataclass(slots=True)
class Prefix(Task):
    """The shared breadth-first prefix; every shard runs it, only the first one reports its tally."""

    report: bool

    def run(self, walker: Walker, trail: Trail, skip: frozenset[int]) -> tuple[Tally, Any]:
        options = walker.options
        search = _Search(walker, trail, skip, walker.facts().liveness if options.liveness else None)
        tally = Tally()
        root = search.root(tally) if 0 not in skip else None
        frontier = [root] if root is not None else []
        depth = 0
        while frontier and depth < options.max_depth and len(frontier) < SPLIT_WIDTH:
            frontier = search.expand(frontier, tally, options.max_states)
            depth += 1
            if tally.truncated:
                tally.frontier_left += len(frontier)
                frontier = []
                break
        payload = (frontier, frozenset(search.seen), frozenset(search.seen_full), depth)
        return (tally if self.report else Tally()), payload


@dataclass(slots=True)
class Subtree(Task):
    start: Entry
    seen: frozenset[bytes]
    seen_full: frozenset[bytes]
    depth_left: int
    budget: int

    def run(self, walker: Walker, trail: Trail, skip: frozenset[int]) -> tuple[Tally, Any]:
        tally = Tally()
        if self.depth_left <= 0:
            tally.frontier_left = 1
            return tally, None
        liveness = walker.facts().liveness if walker.options.liveness else None
        search = _Search(walker, trail, skip, liveness, set(self.seen), set(self.seen_full))
        frontier = [self.start]
        for _ in range(self.depth_left):
            frontier = search.expand(frontier, tally, self.budget)
            if not frontier or tally.truncated:
                break
        tally.frontier_left += len(frontier)
        return tally, None


class Exhaustive(Strategy):
    work_name = "states"
    patience = 2000

    def __init__(self, walker: Walker, shard: tuple[int, int]) -> None:
        super().__init__(walker, shard)
        self._split = False

    def first(self) -> list[Task]:
        return [Prefix(report=self.shard[0] == 1)]

    def after(self, payloads: list[Any]) -> list[Task]:
        if self._split or not payloads or payloads[0] is None:
            return []
        self._split = True
        frontier, seen, seen_full, depth = payloads[0]
        options = self.options
        # the prefix's states count against the budget on every shard alike
        budget = max(1, (options.max_states - len(seen)) // max(1, len(frontier)))
        tasks: list[Task] = [Subtree(item, seen, seen_full, options.max_depth - depth, budget)
                             for n, item in enumerate(frontier) if self.mine(n)]
        self.expected_tasks = len(tasks) + 1
        return tasks

    def finished(self, tally: Tally) -> str:
        if tally.truncated:
            return "max-states"
        if tally.frontier_left:
            return "max-depth"
        return "exhausted"
