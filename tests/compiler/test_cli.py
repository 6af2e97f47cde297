"""`dreamphases compile`: exit status 0 when JSON is written, 1 on story errors, 2 on bad usage; no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dreamphases.cli import main

GOOD = "Hello.\n* [Go] Gone.\n- -> END\n"


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.ink"
    path.write_text(GOOD)
    return path


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    path = tmp_path / "bad.ink"
    path.write_text("-> start\n== family_night ==\n-> END\n== start ==\n-> famly_night\n~ zz = 1\n")
    return path


def test_a_good_story_exits_0_and_writes_json_beside_it(good: Path) -> None:
    assert main(["compile", str(good)]) == 0
    assert json.loads(good.with_suffix(".json").read_text())["inkVersion"] == 21


@pytest.mark.parametrize("order", ["output first", "output last"])
def test_the_output_option_may_come_before_or_after_the_story(order: str, good: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "story.json"
    out.parent.mkdir()
    args = ["-o", str(out), str(good)] if order == "output first" else [str(good), "-o", str(out)]
    assert main(["compile", *args]) == 0
    assert json.loads(out.read_text())["inkVersion"] == 21


def test_a_story_with_errors_exits_1_and_writes_nothing(bad: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compile", str(bad)]) == 1
    assert not bad.with_suffix(".json").exists()
    err = capsys.readouterr().err
    assert "bad.ink:5:4: error[E012]: divert target 'famly_night' not found" in err
    assert "hint: did you mean 'family_night'?" in err
    assert "bad.ink:6:3: error[E013]" in err
    assert "2 errors; nothing written" in err


def test_warnings_are_printed_but_the_story_compiles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "warn.ink"
    story.write_text("TODO: finish\nHello.\n-> END\n")
    assert main(["compile", str(story)]) == 0
    assert "warning[W002]" in capsys.readouterr().err


def test_quiet_warnings_hides_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "warn.ink"
    story.write_text("TODO: finish\nHello.\n-> END\n")
    assert main(["compile", "--quiet-warnings", str(story)]) == 0
    assert "W002" not in capsys.readouterr().err


def test_a_missing_story_file_is_bad_usage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compile", str(tmp_path / "nope.ink")]) == 2
    assert "no such story file" in capsys.readouterr().err


@pytest.mark.parametrize("content", [
    b"\x00\x01\x02junk\xff" * 100,
    b"{" * 5000,
    b"(" * 5000,
    b"~ x = " + b"(" * 3000,
    b"* " * 3000,
    b"- " * 3000 + b"\n" + b"-> " * 3000,
], ids=["binary", "braces", "parens", "open parens in logic", "choice marks", "gathers and arrows"])
def test_no_input_prints_a_python_traceback(content: bytes, tmp_path: Path) -> None:
    story = tmp_path / "odd.ink"
    story.write_bytes(content)
    proc = subprocess.run([sys.executable, "-m", "dreamphases", "compile", str(story)],
                          capture_output=True, text=True, timeout=60)
    assert "Traceback" not in proc.stderr and "internal compiler error" not in proc.stderr
    assert proc.returncode in (0, 1)
