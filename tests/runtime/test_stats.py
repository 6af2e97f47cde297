"""Stat changes come from the runtime's variable observers, one note per stat moved."""

from __future__ import annotations

from collections.abc import Callable

from dreamphases.runtime.engine import Engine
from dreamphases.runtime.stats import StatTracker
from dreamphases.statspec import StatSpec


def drain(engine: Engine) -> None:
    while engine.can_continue():
        engine.next_line()


def test_the_tracker_reads_declared_stats_from_the_global_tags(engine_for: Callable[[str], Engine]) -> None:
    tracker = StatTracker(engine_for("night"))
    assert [s.var for s in tracker.specs] == ["lucidity", "bond_milo", "stability"]
    assert tracker.snapshot() == {"lucidity": 60, "bond_milo": 0, "stability": 5}


def test_a_choice_that_moves_a_bond_gives_a_bond_note(engine_for: Callable[[str], Engine]) -> None:
    engine = engine_for("night")
    tracker = StatTracker(engine)
    drain(engine)
    engine.choose(0)  # Listen: bond_milo + 2
    drain(engine)
    changes = tracker.drain()
    assert [(c.spec.var, c.old, c.new) for c in changes] == [("bond_milo", 0, 2)]
    assert changes[0].note() == "Milo will remember that."


def test_a_falling_meter_gives_a_down_arrow(engine_for: Callable[[str], Engine]) -> None:
    engine = engine_for("night")
    tracker = StatTracker(engine)
    drain(engine)
    engine.choose(1)  # Ignore him: bond - 2, lucidity - 30
    drain(engine)
    notes = [c.note() for c in tracker.drain()]
    assert notes == ["Lucidity ↓", "Milo won't forget that."]  # in the order the stats are declared


def test_a_choice_that_moves_nothing_gives_no_note(engine_for: Callable[[str], Engine]) -> None:
    engine = engine_for("night")
    tracker = StatTracker(engine)
    drain(engine)
    engine.choose(2)  # Leave
    drain(engine)
    assert tracker.drain() == []


def test_loading_a_state_is_not_a_change(engine_for: Callable[[str], Engine]) -> None:
    engine = engine_for("night")
    tracker = StatTracker(engine)
    drain(engine)
    start = engine.save_state()
    engine.choose(1)
    drain(engine)
    tracker.drain()
    engine.load_state(start)
    tracker.refresh()
    assert tracker.drain() == []
    assert tracker.snapshot()["lucidity"] == 60


def test_a_stat_moved_twice_nets_to_one_note(engine_for: Callable[[str], Engine]) -> None:
    engine = engine_for("night")
    tracker = StatTracker(engine)
    engine.set_variable("stability", 7)
    engine.set_variable("stability", 5)
    engine.set_variable("lucidity", 61)
    engine.set_variable("lucidity", 62)
    assert [(c.spec.var, c.old, c.new) for c in tracker.drain()] == [("lucidity", 60, 62)]


def test_lucidity_is_the_lucidity_kind_stat_as_a_fraction(engine_for: Callable[[str], Engine]) -> None:
    tracker = StatTracker(engine_for("night"))
    assert tracker.lucidity() == 0.6


def test_a_story_without_a_lucidity_stat_has_no_lucidity(engine_for: Callable[[str], Engine]) -> None:
    engine = engine_for("night")
    tracker = StatTracker(engine, [StatSpec("bond_milo", "Milo", -10, 10, "bond")])
    assert tracker.lucidity() is None
