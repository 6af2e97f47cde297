from __future__ import annotations

from collections.abc import Callable

import pytest
from player.storybook import compiled_json

from dreamphases.runtime.engine import Engine


@pytest.fixture
def engine_for() -> Callable[[str], Engine]:
    """A fresh engine on one of the test stories (tests/player/stories)."""
    return lambda name: Engine(compiled_json(name))
