"""Continuity expectations: `expect(condition, what)`, an EXTERNAL with a do-nothing ink fallback."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from dreamphases.cli import main
from dreamphases.testing.explorer import ExploreOptions, Walker, explore
from dreamphases.testing.report import build_report
from dreamphases.testing.story import load_story

STORY = """\
EXTERNAL expect(condition, what)
VAR met = false
-> start
=== start ===
* [Meet Milo]
  ~ met = true
* [Stay home]
- (after)
* [Go on]
- ~ expect(met, "that you met Milo")
Milo waves, as he did before. # ending: waved
-> END
=== function expect(condition, what) ===
~ return
"""
KEPT = STORY.replace("* [Stay home]\n", "")
SHARED = Path(__file__).resolve().parents[3] / "shared"


def _explore(tmp_path: Path, text: str, jobs: int = 1):  # type: ignore[no-untyped-def]
    path = tmp_path / "story.ink"
    path.write_text(text, encoding="utf-8")
    story = load_story(path)
    options = ExploreOptions(mode="exhaustive")
    walker = Walker(story.json_text, story.graph, options)
    tally = explore(walker, jobs=jobs)
    return build_report(str(path), "x", options, tally, walker, story.graph, (1, 1), [], 0.0, jobs)


def test_a_line_shown_without_what_it_expects_is_a_violation_with_the_shortest_path(tmp_path: Path) -> None:
    report = _explore(tmp_path, STORY)
    assert [(e.name, e.choices) for e in report.errors] == [
        ("continuity: “Milo waves, as he did before.” expects that you met Milo", ["Stay home", "Go on"]),
    ]
    assert report.failed()


def test_a_story_that_keeps_its_expectation_passes(tmp_path: Path) -> None:
    report = _explore(tmp_path, KEPT)
    assert report.errors == [] and not report.failed()


def test_a_visit_count_states_a_scene_that_must_have_been_seen(tmp_path: Path) -> None:
    text = STORY.replace('expect(met, "that you met Milo")', 'expect(start.after > 1, "the hall twice")')
    assert [e.name for e in _explore(tmp_path, text).errors] == [
        "continuity: “Milo waves, as he did before.” expects the hall twice"]


def test_the_spec_runner_fails_a_spec_that_meets_a_violation(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "story.ink").write_text(STORY, encoding="utf-8")
    spec = tmp_path / "skip.playthrough.yaml"
    spec.write_text("story: story.ink\nsteps:\n  - choose: Stay home\n  - choose: Go on\n"
                    "  - expect: Milo waves\n", encoding="utf-8")
    assert main(["test", str(spec)]) == 1
    assert "a continuity expectation failed: “Milo waves, as he did before.” expects that you met Milo" \
        in capsys.readouterr().out


def test_the_explore_cli_lists_violations_apart_from_runtime_errors(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "story.ink").write_text(STORY, encoding="utf-8")
    assert main(["explore", str(tmp_path / "story.ink"), "--exhaustive"]) == 1
    out = capsys.readouterr().out
    assert "continuity violations" in out and "runtime errors" not in out
    assert "1 continuity violation(s)" in out


def test_other_runtimes_play_the_fallback_so_the_story_is_standard_ink(tmp_path: Path) -> None:
    run = SHARED / "tools" / "inkjs" / "run"
    if not run.exists() or shutil.which("node") is None:
        pytest.skip("inkjs is not available")
    (tmp_path / "story.ink").write_text(STORY, encoding="utf-8")
    done = subprocess.run([str(run), "compile", str(tmp_path / "story.ink"), "-o", str(tmp_path / "js.json")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
