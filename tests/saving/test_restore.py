"""Restoring a save: the state when it fits; after an edit, a replay of the choices that still exist."""

from __future__ import annotations

from collections.abc import Callable

from dreamphases.runtime.engine import Engine
from dreamphases.saving import SaveFile, replay, restore_state
from tests.player.storybook import compiled_json


def test_a_save_restores_on_the_story_it_came_from(
    engine: Engine, make_save: Callable[..., SaveFile]
) -> None:
    save = make_save(1, 0)
    engine.reset()
    assert restore_state(engine, save)
    assert engine.choices() == ["Wake up", "Stay"]
    assert engine.get_variable("lucidity") == 30


def test_a_state_that_no_longer_fits_is_rejected_and_the_engine_reset(
    make_save: Callable[..., SaveFile]
) -> None:
    edited = Engine(compiled_json("night_edited"))
    assert not restore_state(edited, make_save(1, 0))
    assert edited.can_continue()  # back at the beginning, untouched by the failed load


def test_replay_stops_at_the_first_choice_that_no_longer_exists(make_save: Callable[..., SaveFile]) -> None:
    edited = Engine(compiled_json("night_edited"))
    result = replay(edited, make_save(1, 0).choices, seed=7)
    assert [c.text for c in result.applied] == ["Ignore him"]
    assert result.stopped_at == 1
    assert result.knot == "hallway"
    assert edited.choices() == ["Try the handle", "Go back to bed"]
    assert edited.get_variable("lucidity") == 30  # the replayed choice's effects are kept
    assert [line.text for line in result.lines] == ["You look away.\n", "The hallway hums louder.\n"]


def test_replay_of_choices_that_all_exist_reaches_the_same_place(
    engine: Engine, make_save: Callable[..., SaveFile]
) -> None:
    save = make_save(0, 0)
    result = replay(engine, save.choices, seed=save.seed)
    assert result.stopped_at is None
    assert engine.choices() == save.pending_choices
    assert engine.get_variable("bond_milo") == 2


def test_replay_matches_a_choice_by_its_text_when_its_position_moved(engine: Engine) -> None:
    from dreamphases.saving import ChoiceRecord

    result = replay(engine, [ChoiceRecord(index=0, text="Leave")], seed=1)
    assert result.stopped_at is None
    assert result.applied == [ChoiceRecord(index=2, text="Leave")]
