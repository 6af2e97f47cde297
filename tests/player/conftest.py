from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.player.storybook import Play, write_story


@pytest.fixture
def night(tmp_path: Path) -> Path:
    return write_story("night", tmp_path)


@pytest.fixture
def saves(tmp_path: Path) -> Path:
    return tmp_path / "saves"


@pytest.fixture
def play(saves: Path, tmp_path: Path) -> Play:
    """Run `dreamphases play` as a user would from a pipe: `play(story, *args, input=..., env=...)`."""

    def run(story: Path, *args: str, input: str = "", env: dict[str, str] | None = None):
        environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
        environment.update({"COLUMNS": "80", "DREAMPHASES_CACHE_DIR": str(tmp_path / "cache"), **(env or {})})
        return subprocess.run(
            [sys.executable, "-m", "dreamphases", "play", str(story), "--saves", str(saves), *args],
            input=input, capture_output=True, text=True, env=environment, timeout=60, cwd=tmp_path,
        )

    return run
