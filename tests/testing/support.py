"""Helpers for the testing package's specifications: the small stories with known answers, and a whole
exploration of one of them as `explore` runs it."""

from __future__ import annotations

from pathlib import Path

from dreamphases.testing.explorer import ExploreOptions, Outcome, Walker, explore
from dreamphases.testing.report import ExploreReport, build_report
from dreamphases.testing.story import load_story

STORIES = Path(__file__).parent / "stories"


def run_explorer(name: str, jobs: int = 1, shard: tuple[int, int] = (1, 1),
                 expected: list[str] | None = None, **options: object) -> ExploreReport:
    loaded = load_story(STORIES / f"{name}.ink")
    opts = ExploreOptions(**options)  # type: ignore[arg-type]
    walker = Walker(loaded.json_text, loaded.graph, opts)
    outcome: Outcome = explore(walker, jobs=jobs, shard=shard)
    return build_report(name, "sha", opts, outcome, walker, loaded.graph, shard, expected or [], 1.0, jobs)
