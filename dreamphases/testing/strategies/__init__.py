"""Exploration strategies: what to play next. One module per strategy, one registry.

A strategy plans *rounds* of tasks; worker processes run the tasks (`Task.run`, against a `Walker`)
and the driver (`explorer.explore`) merges their tallies in task order and hands the strategy the
round's payloads to plan the next one. Everything a strategy decides depends only on the options and
on earlier rounds, never on the number of processes, so the report is the same whatever `--jobs`.

To add a strategy: a module here with a `Strategy` subclass, registered in `STRATEGIES` below, and its
name in `ExploreOptions.mode`'s choices (`commands/explore.py`, `report.OptionsModel`).
"""

from __future__ import annotations

from dreamphases.testing.explorer import Walker
from dreamphases.testing.strategies.base import Strategy
from dreamphases.testing.strategies.exhaustive import Exhaustive
from dreamphases.testing.strategies.guided import Guided
from dreamphases.testing.strategies.random_walks import RandomWalks

__all__ = ["STRATEGIES", "Strategy", "make_strategy"]

STRATEGIES: dict[str, type[Strategy]] = {
    "random": RandomWalks,
    "exhaustive": Exhaustive,
    "guided": Guided,
}


def make_strategy(walker: Walker, shard: tuple[int, int]) -> Strategy:
    return STRATEGIES[walker.options.mode](walker, shard)
