from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dreamphases.runtime.engine import Engine
from dreamphases.saving import ChoiceRecord, SaveFile, SaveStore, now
from tests.player.storybook import compiled_json


@pytest.fixture
def engine() -> Engine:
    return Engine(compiled_json("night"))


@pytest.fixture
def store(tmp_path: Path) -> SaveStore:
    return SaveStore(tmp_path / "saves", "test-night")


@pytest.fixture
def make_save(engine: Engine) -> Callable[..., SaveFile]:
    """A save of the night story after the given choices (0-based), made the way the player makes one."""

    def make(*picks: int) -> SaveFile:
        engine.reset()
        engine.set_seed(7)
        history = []
        for pick in (None, *picks):
            if pick is not None:
                history.append(ChoiceRecord(index=pick, text=engine.choices()[pick]))
                engine.choose(pick)
            while engine.can_continue():
                engine.next_line()
        return SaveFile(
            story_id="test-night", story_hash=engine.hash, state=engine.save_state(), seed=7,
            choices=history, stats={"lucidity": float(engine.get_variable("lucidity"))},  # type: ignore[arg-type]
            knot=engine.current_knot(), saved_at=now(), pending_choices=engine.choices(),
        )

    return make
