from __future__ import annotations

from collections.abc import Callable

import pytest

from dreamphases.runtime.engine import Engine
from tests.player.storybook import compiled_json


@pytest.fixture
def engine_for() -> Callable[[str], Engine]:
    """A fresh engine on one of the test stories (tests/player/stories)."""
    return lambda name: Engine(compiled_json(name))
