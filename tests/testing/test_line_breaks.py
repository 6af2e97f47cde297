"""The explorer plays a copy of the story without line breaks (`CountFlags.text`): its reports
are exactly those of the faithful copy.

Walks on the copy run each passage in one `Continue` (no runtime snapshot per line); whatever depends
on line boundaries (errors, runaway budgets, `--max-lines`, a broken expectation's quoted line, choice
texts for the report) is taken from the faithful copy. These specifications compare whole reports
(everything but timing) with the fast copy on and off, over our own stories and conformance cases, the
bundled story, and the ink-proof and ink-corpus stories beside the checkout when present.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dreamphases.compiler import compile_path
from dreamphases.testing.explorer import ExploreOptions, Walker, explore
from dreamphases.testing.report import build_report
from dreamphases.testing.story import count_flags
from dreamphases.testing.trajectories import TrackConfig
from tests.conformance.support import corpus_pairs, proof_cases
from tests.shared import SHARED
from tests.testing.support import STORIES

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "conformance" / "cases"


def _compiled(path: Path) -> tuple[str, Any] | None:
    try:
        result = compile_path(path)
    except Exception:  # noqa: BLE001 - a story our compiler rejects has nothing to explore
        return None
    if result.json_text is None or any(d.is_error for d in result.diagnostics):
        return None
    return result.json_text, result.graph


def _report(path: Path, fast: bool, track: bool = False, **options: Any) -> dict[str, Any]:
    compiled = _compiled(path)
    if compiled is None:
        pytest.skip("does not compile")
    json_text, graph = compiled
    opts = ExploreOptions(**options)
    if track:  # the stat trajectories the CLI records along random walks
        opts.track = TrackConfig.for_story(graph.global_tags, graph)
    walker = Walker(json_text, graph, opts, fast=fast)
    outcome = explore(walker, jobs=1)
    report = build_report(path.name, "sha", opts, outcome, walker, graph, (1, 1), [], 1.0, 1).model_dump()
    report.pop("timing")
    for milestone in report["milestones"]:
        milestone.pop("seconds")
    return report


def _same_reports(path: Path, track: bool = False, **options: Any) -> dict[str, Any]:
    fast, faithful = _report(path, True, track, **options), _report(path, False, track, **options)
    assert fast == faithful
    return fast


def _ids(paths: list[Path], base: Path) -> list[Any]:
    return [pytest.param(p, id=str(p.relative_to(base))) for p in paths]


OURS = sorted(STORIES.glob("*.ink"))
#: the cases our compiler accepts (a rejected one says `// expect error:`)
CONFORMANCE = sorted(p for p in CASES.rglob("*.ink") if "// expect error:" not in p.read_text(encoding="utf-8"))
BUNDLED = ROOT / "story" / "dreamphases.ink"
REAL = [p / "story.ink" for p in proof_cases()] + corpus_pairs()


# -- parity ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", _ids(OURS, STORIES))
def test_random_walks_report_the_same_on_our_stories(path: Path) -> None:
    _same_reports(path, runs=12, max_steps=80, max_lines=300)


@pytest.mark.parametrize("path", _ids(CONFORMANCE, CASES))
def test_random_walks_report_the_same_on_our_conformance_cases(path: Path) -> None:
    _same_reports(path, runs=4, max_steps=40, max_lines=300)


@pytest.mark.skipif(not REAL, reason="no ../shared ink-proof or ink-corpus beside the checkout")
@pytest.mark.parametrize("path", _ids(REAL, SHARED) if REAL else [])
def test_random_walks_report_the_same_on_the_real_stories(path: Path) -> None:
    _same_reports(path, runs=4, max_steps=40, max_lines=300)


def test_random_walks_report_the_same_on_the_bundled_story() -> None:
    report = _same_reports(BUNDLED, runs=40, seed=3)
    assert report["endings"] and report["stats"]["choices"] > 400


def test_random_walks_record_the_same_stat_trajectories() -> None:
    report = _same_reports(BUNDLED, track=True, runs=30, seed=4)
    assert report["trajectories"]["variables"]


@pytest.mark.parametrize("name", ["endings", "runtime_error", "printing_loop", "capture", "observed", "vault"])
def test_the_exhaustive_search_reports_the_same(name: str) -> None:
    _same_reports(STORIES / f"{name}.ink", mode="exhaustive", max_depth=12, max_states=400, max_lines=300)


@pytest.mark.parametrize("name", ["endings", "printing_loop", "capture", "vault", "far_vault"])
def test_the_guided_search_reports_the_same(name: str) -> None:
    _same_reports(STORIES / f"{name}.ink", mode="guided", runs=30, max_lines=300)


def test_the_guided_search_reports_the_same_on_the_bundled_story() -> None:
    _same_reports(BUNDLED, mode="guided", runs=40, seed=2)


# -- what depends on line boundaries ---------------------------------------------------------------

def test_an_endless_printing_loop_is_reported_as_before() -> None:
    """The copy without line breaks plays the loop in one `Continue`; it is stopped by a short budget of
    CPU time and the passage is played again on the faithful copy, which counts the lines as it always
    did (and quotes the line a broken expectation was met on)."""
    report = _same_reports(STORIES / "printing_loop.ink", runs=6, max_lines=200)
    errors = {e["name"]: e["choices"] for e in report["errors"]}
    assert errors.pop("no choice after 200 lines of output (an endless loop?)") == ["Listen"]
    assert [(name.startswith("continuity: "), name.endswith(" expects the echo heard once"), choices)
            for name, choices in errors.items()] == [(True, True, ["Listen"])]


def test_a_long_passage_runs_into_max_lines_as_before() -> None:
    report = _same_reports(STORIES / "long_passage.ink", mode="exhaustive", max_lines=5)
    assert [(e["name"], e["choices"]) for e in report["errors"]] == [
        ("no choice after 5 lines of output (an endless loop?)", ["Talk"])]


def test_a_function_output_captured_into_a_string_keeps_its_line_break() -> None:
    """`"{f()}"` captures the function's lines with their line break: a copy that dropped it would
    take the other branch (and show other choice texts)."""
    report = _same_reports(STORIES / "capture.ink", mode="exhaustive")
    assert sorted(e["name"] for e in report["endings"]) == ["apart", "left"]
    assert ["First.\nSecond."] in [e["choices"] for e in report["endings"]]


def test_endings_tagged_on_earlier_lines_of_the_final_passage_are_all_reached(tmp_path: Path) -> None:
    story = tmp_path / "story.ink"
    story.write_text("* [Wake] You wake. # ending: awake\n  The end. # ending: epilogue\n  Goodbye.\n  -> END\n"
                     "* [Sleep] Zzz.\n  -> END\n", encoding="utf-8")
    report = _same_reports(story, mode="exhaustive")
    assert sorted(e["name"] for e in report["endings"]) == ["awake", "epilogue"]
    assert [d["choices"] for d in report["dead_ends"]] == [["Sleep"]]


# -- the copy itself --------------------------------------------------------------------------------

def _without_line_breaks(story: str) -> Any:
    flags, _, _ = count_flags(story, None)
    return json.loads(flags.text((), line_breaks=False))


def test_the_copy_replaces_newline_tokens_only_never_text() -> None:
    story = {"inkVersion": 21, "root": [["^a, \"\\n\", b", "\n", ["\n", "^\\n", "^\n"], "ev", "\n", "/ev",
                                         {"#n": "g"}], "done", {"k": ["^x", "\n", {"x": ["\n"]}]}],
             "listDefs": {}}
    copy = _without_line_breaks(json.dumps(story))
    assert copy["root"][0][:6] == ["^a, \"\\n\", b", "nop", ["nop", "^\\n", "^\n"], "ev", "nop", "/ev"]
    knot = copy["root"][2]["k"]  # (with the count flags added for coverage)
    assert knot[:2] == ["^x", "nop"] and knot[2]["x"][0] == "nop"
    assert _without_line_breaks(json.dumps(story, separators=(",", ":"))) == copy


def test_the_copy_keeps_every_path_and_the_newlines_of_functions() -> None:
    compiled = _compiled(STORIES / "capture.ink")
    assert compiled is not None
    flags, _, added = count_flags(*compiled)
    faithful, fast = json.loads(flags.text(added)), json.loads(flags.text(added, line_breaks=False))
    changed: list[str] = []

    def compare(a: Any, b: Any, where: str) -> None:
        if isinstance(a, list):
            assert isinstance(b, list) and len(a) == len(b), where
            for i, (x, y) in enumerate(zip(a, b, strict=True)):
                compare(x, y, f"{where}.{i}")
        elif isinstance(a, dict):
            assert isinstance(b, dict) and a.keys() == b.keys(), where
            for key in a:
                compare(a[key], b[key], f"{where}.{key}")
        elif a != b:
            assert (a, b) == ("\n", "nop"), where
            changed.append(where)

    compare(faithful, fast, "")
    assert changed and not any(".two_lines" in where for where in changed)
    assert json.dumps(faithful["root"][-1]["two_lines"]).count('"\\n"') == 2
