"""The engine facade's additions: where the story is, state errors, seeds, identity."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dreamphases.runtime.engine import Engine, StateLoadError, story_hash


def drain(engine: Engine) -> list[str]:
    return [engine.next_line().text for _ in iter(engine.can_continue, False)]


def test_current_knot_names_the_knot_the_story_is_in(engine_for: Callable[[str], Engine]) -> None:
    engine = engine_for("night")
    drain(engine)
    assert engine.current_knot() == ""  # top of the story, before any knot
    engine.choose(0)
    drain(engine)
    assert engine.current_knot() == "hallway"


def test_a_state_the_runtime_rejects_raises_state_load_error(engine_for: Callable[[str], Engine]) -> None:
    engine = engine_for("night")
    with pytest.raises(StateLoadError):
        engine.load_state('{"not": "a state"}')


def test_the_same_seed_gives_the_same_rolls(engine_for: Callable[[str], Engine]) -> None:
    runs = []
    for _ in range(2):
        engine = engine_for("dice")
        engine.set_seed(1234)
        runs.append(drain(engine))
    assert runs[0] == runs[1]


def test_different_seeds_give_different_rolls(engine_for: Callable[[str], Engine]) -> None:
    rolls = set()
    for seed in (1, 2, 3):
        engine = engine_for("dice")
        engine.set_seed(seed)
        rolls.add(tuple(drain(engine)))
    assert len(rolls) > 1


def test_story_hash_ignores_a_byte_order_mark() -> None:
    assert story_hash('\ufeff{"inkVersion":21}') == story_hash('{"inkVersion":21}')
    assert story_hash('{"inkVersion":21}') != story_hash('{"inkVersion":20}')
