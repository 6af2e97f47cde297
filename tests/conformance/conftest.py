"""Shared material for the conformance suites: `../shared` beside the repository, when present."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def inkjs(inkjs_run: Path) -> list[str]:
    return [str(inkjs_run), "play"]
