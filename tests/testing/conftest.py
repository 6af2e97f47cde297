"""Fixtures for the testing package: small stories with known answers, compiled by our compiler."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dreamphases.testing.report import ExploreReport
from tests.testing.support import STORIES, run_explorer


@pytest.fixture
def story() -> Callable[[str], Path]:
    """The path of a test story by name (`endings` → stories/endings.ink)."""

    def path(name: str) -> Path:
        return STORIES / f"{name}.ink"

    return path


@pytest.fixture
def write_spec(tmp_path: Path) -> Callable[..., Path]:
    """Write a spec next to nothing in particular; `story:` is made absolute so it resolves."""

    def write(text: str, story_name: str = "endings", name: str = "case.playthrough.yaml") -> Path:
        target = tmp_path / name
        head = f"story: {STORIES / (story_name + '.ink')}\n"
        target.write_text(head + text, encoding="utf-8")
        return target

    return write


@pytest.fixture
def explored() -> Callable[..., ExploreReport]:
    return run_explorer
