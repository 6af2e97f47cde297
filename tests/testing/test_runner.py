"""Running specs: each kind of check passes when true, fails at its own line when false."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dreamphases.testing.runner import SpecResult, run_spec
from dreamphases.testing.spec import load_spec

Write = Callable[..., Path]


def run(path: Path) -> SpecResult:
    return run_spec(load_spec(path))


def test_a_true_playthrough_passes(write_spec: Write) -> None:
    spec = write_spec(
        "steps:\n"
        "  - expect: [ferry horn, You stand on the dock]\n"
        "    tags: 'scene: dock'\n"
        "    choices: [Board the ferry, Buy a map, Go home]\n"
        "    stats: {courage: 1}\n"
        "  - choose: map\n"
        "  - vars: {has_map: true}\n"
        "    expect: {regex: 'map is \\w+'}\n"
        "    no_choice: Buy a map\n"
        "  - choose: Board\n"
        "  - at: ferry.deck\n"
        "    vars: {courage: {min: 3, max: 3}}\n"
        "    has_choice: Read the map\n"
        "  - choose: Read the map\n"
        "  - tags: ['ending:island']\n"
        "    end: true\n"
    )
    result = run(spec)
    assert result.passed, result.failure and result.failure.render()
    assert result.steps_run == 7


@pytest.mark.parametrize(
    ("steps", "line", "fragment"),
    [
        ("  - expect: The ferry sinks\n", 3, "expected 'The ferry sinks'"),
        ("  - expect: [on the dock, ferry horn]\n", 3, "before the previous expect"),
        ("  - expect_not: dock\n", 3, "did not expect 'dock'"),
        ("  - has_choice: Fly\n", 3, "expected a choice containing 'Fly'"),
        ("  - no_choice: Go home\n", 3, "expected no choice containing 'Go home'"),
        ("  - choices: [Go home]\n", 3, "expected exactly the choices"),
        ("  - vars: {courage: 4}\n", 3, "expected `courage` = 4, but it is 1"),
        ("  - vars: {courage: {min: 5}}\n", 3, "expected `courage` in 5.0.."),
        ("  - vars: {nonsense: 1}\n", 3, "no variable `nonsense`"),
        ("  - stats: {has_map: false}\n", 3, "not a declared `# stat:`"),
        ("  - tags: ['ending: home']\n", 3, "expected the tag `ending: home`"),
        ("  - end: true\n", 3, "expected the story to be over"),
        ("  - at: ferry\n", 3, "expected to be at `ferry`"),
        ("  - expect: dock\n    choose: Swim\n", 4, "no choice contains 'Swim'"),
        ("  - choose: o\n", 3, "matches 2 choices"),
        ("  - choose: 9\n", 3, "there is no choice 9"),
        ("  - choose: Go home\n  - choose: 1\n", 4, "offers no choices"),
    ],
)
def test_a_false_check_fails_at_its_line(write_spec: Write, steps: str, line: int, fragment: str) -> None:
    result = run(write_spec("steps:\n" + steps))
    assert result.failure is not None
    assert result.failure.line == line
    assert fragment in result.failure.message


def test_a_failure_shows_the_transcript_and_the_choices(write_spec: Write) -> None:
    result = run(write_spec("steps:\n  - choose: Board\n  - expect: The sea is blue\n"))
    assert result.failure is not None
    text = result.failure.render()
    assert ":4: step 2: expected 'The sea is blue'" in text
    assert "| You stand on the dock." in text
    assert "> Board the ferry" in text
    assert "| The sea is grey." in text
    assert "1: Jump" in text


def test_choosing_by_number_is_one_based(write_spec: Write) -> None:
    result = run(write_spec("steps:\n  - choose: 3\n  - tags: 'ending: home'\n    end: true\n"))
    assert result.passed


def test_an_exact_choice_text_wins_over_substrings(tmp_path: Path, write_spec: Write) -> None:
    result = run(write_spec("steps:\n  - choose: {text: Go home}\n  - end: true\n"))
    assert result.passed


def test_a_runtime_error_fails_the_step_that_caused_it(write_spec: Write) -> None:
    spec = write_spec("steps:\n  - choose: broken\n  - end: true\n", story_name="runtime_error")
    result = run(spec)
    assert result.failure is not None
    assert result.failure.line == 3
    assert "runtime error" in result.failure.message
    assert "RANDOM" in result.failure.message
