"""Seeded random walks through the whole story: no runtime error, no dead end, every ending reached.

A third of the walkers choose uniformly; the rest chase bond with Milo and lucidity some of the time
(see `storyrun.random_walk`), the way a player replaying for a better ending would. Uniform walkers
alone rarely earn `reconciled`, by design, so the mix is what lets a few hundred runs cover it.
"""

from __future__ import annotations

from collections import Counter

import pytest

from tests.story.storyrun import ENDINGS, Run, random_walk

RUNS = 240
GREED = (0.0, 0.5, 0.9)


@pytest.fixture(scope="module")
def walks() -> list[Run]:
    return [random_walk(seed, GREED[seed % len(GREED)]) for seed in range(RUNS)]


def test_no_walk_dead_ends(walks: list[Run]) -> None:
    stuck = [(seed, run.taken[-3:]) for seed, run in enumerate(walks) if run.ending is None]
    assert stuck == []


def test_every_walk_ends_on_a_known_ending(walks: list[Run]) -> None:
    assert {run.ending for run in walks} <= set(ENDINGS)


def test_walks_reach_every_ending(walks: list[Run]) -> None:
    reached = Counter(run.ending for run in walks)
    assert set(ENDINGS) - set(reached) == set(), reached
