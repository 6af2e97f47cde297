"""Specs that would hang or crash `dreamphases test`: deep YAML, catastrophic regexes, huge seeds, odd files.

A bad spec is reported as unusable, with its line, and the rest of the run goes on.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from dreamphases.cli import main
from tests.testing.support import STORIES

ENDINGS = str(STORIES / "endings.ink")


def spec(folder: Path, name: str, body: str) -> Path:
    path = folder / f"{name}.playthrough.yaml"
    path.write_text(f"story: {ENDINGS}\nsteps:\n{body}", encoding="utf-8")
    return path


def test_yaml_nested_5000_deep_is_one_unusable_spec_and_the_run_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec(tmp_path, "a-deep", "  - expect: " + "[" * 5000 + "]" * 5000 + "\n")
    spec(tmp_path, "b-block", "".join("  " * (i + 1) + "-\n" for i in range(2000)))
    spec(tmp_path, "c-home", "  - choose: Go home\n  - end: true\n")
    assert main(["test", str(tmp_path)]) == 2
    out = capsys.readouterr().out
    assert out.count("nested too deeply") == 2
    assert "1 passed, 0 failed, 2 unusable" in out


@pytest.mark.parametrize("pattern", [r"^(a|aa)+$", r"^(a+)+$", r"(x+x+)+y", r"^(\w+\s?)+z$"])
def test_a_catastrophic_regex_fails_its_step_in_bounded_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pattern: str
) -> None:
    """None of these match the text; each backtracks exponentially in Python's `re`. The step fails —
    as a mismatch, or as a search stopped at the time limit — and the run ends in seconds."""
    # the text the regex runs over is the story's: make one that feeds the backtracking
    story = tmp_path / "long.ink"
    story.write_text(("a" * 40 + "x" * 30 + " word" * 20 + "!\n") + "-> END\n", encoding="utf-8")
    (tmp_path / "r.playthrough.yaml").write_text(
        f"story: long.ink\nsteps:\n  - expect: {{regex: '{pattern}'}}\n", encoding="utf-8")
    started = time.monotonic()
    status = main(["test", str(tmp_path)])
    assert time.monotonic() - started < 20
    assert status == 1
    if pattern == r"^(a|aa)+$":  # this one the regex engine cannot shortcut: it runs into the limit
        assert "backtracks catastrophically" in capsys.readouterr().out


def test_an_ordinary_regex_still_matches(tmp_path: Path) -> None:
    spec(tmp_path, "home", "  - expect: {regex: '\\w+'}\n  - choose: Go home\n  - end: true\n")
    assert main(["test", str(tmp_path)]) == 0


@pytest.mark.parametrize("seed", [2**63, -(2**63) - 1, "'7'"])
def test_a_spec_seed_the_runtime_cannot_take_is_unusable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], seed: object
) -> None:
    path = spec(tmp_path, "seeded", "  - choose: Go home\n")
    path.write_text(path.read_text(encoding="utf-8").replace("steps:", f"seed: {seed}\nsteps:"), encoding="utf-8")
    assert main(["test", str(path)]) == 2
    assert "seed" in capsys.readouterr().out


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX FIFOs")
def test_a_spec_that_is_a_fifo_does_not_hang(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo(tmp_path / "pipe.playthrough.yaml")
    assert main(["test", str(tmp_path / "pipe.playthrough.yaml")]) == 2
    assert "not a regular file" in capsys.readouterr().out


def test_a_spec_naming_a_story_path_too_long_for_the_file_system_is_unusable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "long.playthrough.yaml").write_text(f"story: {'x' * 5000}.ink\nsteps:\n- end: true\n",
                                                    encoding="utf-8")
    assert main(["test", str(tmp_path)]) == 2
    assert "cannot open the story" in capsys.readouterr().out


def test_a_duplicate_key_is_refused_with_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec(tmp_path, "twice", "  - choose: Go home\nsteps:\n  - end: true\n")
    assert main(["test", str(tmp_path)]) == 2
    assert "twice.playthrough.yaml:4: `steps` appears twice here" in capsys.readouterr().out
