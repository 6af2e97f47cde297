"""Fixtures for the testing package: small stories with known answers, compiled by our compiler."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dreamphases.testing.explorer import ExploreOptions, Tally, Walker, explore
from dreamphases.testing.report import ExploreReport, build_report
from dreamphases.testing.story import load_story

STORIES = Path(__file__).parent / "stories"


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


def run_explorer(name: str, jobs: int = 1, shard: tuple[int, int] = (1, 1),
                 expected: list[str] | None = None, **options: object) -> ExploreReport:
    loaded = load_story(STORIES / f"{name}.ink")
    opts = ExploreOptions(**options)  # type: ignore[arg-type]
    walker = Walker(loaded.json_text, loaded.graph, opts)
    tally: Tally = explore(walker, jobs=jobs, shard=shard)
    return build_report(name, "sha", opts, tally, walker, loaded.graph, shard, expected or [], 1.0, jobs)


@pytest.fixture
def explored() -> Callable[..., ExploreReport]:
    return run_explorer
