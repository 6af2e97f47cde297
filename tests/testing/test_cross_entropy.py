"""Aimed walks that learn which options to prefer (`strategies/cross_entropy.py`): a target whose guard
is a conjunction decided far apart (its closest states shallow, every deeper one dominated) falls at
random walks' rate to walks that choose uniformly, and within a small budget to walks that prefer
what the walks that came closest chose."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from dreamphases.compiler.expr_tree import Var
from dreamphases.testing.explorer import ExploreOptions, Walker
from dreamphases.testing.report import ExploreReport
from dreamphases.testing.story import load_story
from dreamphases.testing.strategies import cross_entropy, guided
from dreamphases.testing.strategies.cross_entropy import Choices, Preferences, draw
from tests.testing.support import run_explorer

BUNDLED = Path(__file__).resolve().parents[2] / "story" / "dreamphases.ink"


def _reached(report: ExploreReport, ending: str) -> bool:
    return any(f.name == ending for f in report.endings)


@pytest.mark.parametrize("seed", range(1, 9))
def test_walks_that_learn_keep_a_stat_won_early_through_a_later_act_that_spends_it(seed: int) -> None:
    # `calm <= 0` after a concert whose every song raises calm unless the listener sits still (1 in
    # 3): the closest states are all in the talk before it, and a walk from one keeps calm at 0
    # through eight songs once in 6,561 (random walks from the start: about 1 in 16,000)
    assert _reached(run_explorer("concert", mode="guided", runs=1500, seed=seed), "quiet")
    assert not _reached(run_explorer("concert", mode="random", runs=1500, seed=seed), "quiet")


def test_without_learning_the_same_budget_seldom_finds_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(guided, "LEARN_AFTER", 0)  # planned in this process: no walk learns
    found = [_reached(run_explorer("concert", mode="guided", runs=1500, seed=seed), "quiet") for seed in range(1, 9)]
    assert sum(found) <= 2


def test_a_target_is_placed_in_its_node_and_the_branches_it_is_written_inside() -> None:
    # the bundled story's `{found_julian: … {bond_julian <= 0: …}}` in act 5
    loaded = load_story(BUNDLED)
    walker = Walker(loaded.json_text, loaded.graph, ExploreOptions(mode="guided", runs=1, seed=1))
    places = guided._places(walker)
    assert places["?203"] == ("act5.a5_choose", walker.node_paths["?200"])
    assert loaded.graph is not None and loaded.graph.branches[200].condition == Var("found_julian", "global")
    assert places["?256"] == ("a6_both.a6_both_after",)  # written inside no branch
    assert places["act5.a5_choose"] == ("act5.a5_choose",)


class _Engine:
    """Visit counts read from a script, one row per choice point."""

    def __init__(self, rows: list[list[int]]) -> None:
        self.rows = rows

    def visit_counts(self, paths: tuple[str, ...]) -> list[int]:
        return self.rows.pop(0)


class _Walker:
    def __init__(self, rows: list[list[int]]) -> None:
        self.engine = _Engine(rows)
        self.node_paths: dict[str, str] = {}
        self.cache: dict[str, Any] = {}


def _score(calm: list[int], counts: list[list[int]]) -> float:
    """The score of a walk aimed at `{met: {calm <= 0: …}}` in `hall`, given calm and the visit counts of
    (hall, the `{met: …}` branch) at each of its choice points."""
    gauge = guided._Gauge(lambda v, c: float(v["calm"]) / (float(v["calm"]) + 1.0),  # type: ignore[arg-type]
                          lambda v, c: (v["calm"],), ("calm",), (), frozenset(), {})
    walker = _Walker(counts)
    learner = guided._Learner(walker, "?3", ("hall", "hall.3.b"), {}, gauge)  # type: ignore[arg-type]
    for value in calm:
        learner.measure(walker, {"calm": value})  # type: ignore[arg-type]
    return learner.score(False)


def test_a_walk_that_learns_is_scored_inside_the_branches_around_its_target() -> None:
    """`{met: {calm <= 0: …}}`: the inner branch's guard names only the calm, so by the guard a walk that
    kept calm at 0 by never meeting her is closer than one that met her with calm at 1. The one that
    entered the branch around the target scores ahead (a `LEVEL` for each place not entered)."""
    never_met = _score([0, 0, 0], [[0, 0], [0, 0], [1, 0]])
    met = _score([1, 1, 1], [[0, 0], [0, 0], [1, 1]])
    assert met == pytest.approx(0.5)
    assert never_met == pytest.approx(guided.LEVEL)
    assert met < never_met
    # the distance that counts is the one where the walk entered (the nearer of just before and just
    # after), not the nearest ever: calm 0 early and 2 on entering the hall
    assert _score([0, 2, 2], [[0, 0], [0, 0], [1, 1]]) == pytest.approx(2 / 3)
    # a walk that entered no place: its distance at its end, a level for each place
    assert _score([0, 1], [[0, 0], [0, 0]]) == pytest.approx(2 * guided.LEVEL + 0.5)


def test_a_batch_moves_preferences_toward_what_its_elite_chose() -> None:
    prefs = Preferences()
    rng = random.Random(3)
    for i in range(cross_entropy.BATCH):
        walk = Choices()
        chosen = rng.randrange(3)
        walk.note(["hum", "clap", "sit"], chosen)
        # the walks that sat still came closest
        prefs.add(0.0 if chosen == 2 and i < 8 else 1.0 + i, walk.packed())
    assert prefs.updates == 1
    assert prefs.prefer["sit"] > 1 / 3 > prefs.prefer["hum"]
    # smoothed: halfway from uniform toward the elite's frequency (1), not all the way
    assert prefs.prefer["sit"] == pytest.approx(cross_entropy.SMOOTHING + (1 - cross_entropy.SMOOTHING) / 3)


def test_a_flat_batch_says_nothing_and_moves_nothing() -> None:
    prefs = Preferences()
    for i in range(cross_entropy.BATCH):
        walk = Choices()
        walk.note(["hum", "clap", "sit"], i % 3)
        prefs.add(0.5, walk.packed())
    assert prefs.updates == 0 and not prefs.prefer and not prefs.batch


def test_ties_at_the_threshold_make_the_tied_best_the_elite() -> None:
    prefs = Preferences()
    for i in range(cross_entropy.BATCH):
        walk = Choices()
        walk.note(["hum", "sit"], 1 if i < 10 else 0)
        prefs.add(0.5 if i < 10 else 0.75, walk.packed())  # the 10 best tied, over the elite's share
    assert prefs.updates == 1
    assert prefs.prefer["sit"] > prefs.prefer["hum"]


def test_a_draw_prefers_by_weight_and_still_explores() -> None:
    rng = random.Random(1)
    picks = [draw(rng, ["hum", "clap", "sit"], {"sit": 0.9, "hum": 0.05, "clap": 0.05}) for _ in range(2000)]
    share = picks.count(2) / len(picks)
    assert 0.8 < share < 0.95
    assert picks.count(0) > 0 and picks.count(1) > 0
    assert draw(random.Random(1), ["a", "b"], {}) in (0, 1)


def test_walks_that_learn_make_the_same_search_whatever_the_number_of_processes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Any] = []
    after = guided.Guided.after

    def spy(self: guided.Guided, payloads: list[Any]) -> Any:
        seen.append([[(f.target, f.score, f.counts) if isinstance(f, guided._Scored) else (f.entry, f.path, f.closer)
                      for f in found or ()] for found in payloads])
        return after(self, payloads)

    monkeypatch.setattr(guided.Guided, "after", spy)
    monkeypatch.setattr(guided, "LEARN_AFTER", 8)
    runs = []
    for jobs in (1, 2):
        seen.clear()
        report = run_explorer("concert", mode="guided", runs=400, seed=5, jobs=jobs)
        runs.append((list(seen), report.deterministic()))
    assert any(isinstance(f[0], str) for plan in runs[0][0] for found in plan for f in found)  # walks learnt
    assert runs[0] == runs[1]
