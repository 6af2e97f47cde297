"""Every console example in the README runs and prints what the README shows, so they cannot drift."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.docs.readme_examples import Example, examples, mismatch

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
EXAMPLES = examples(README.read_text(encoding="utf-8"))


def _run(command: str, cwd: Path, tmp_path: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE")}
    env.update({"COLUMNS": "100", "TERM": "dumb", "DREAMPHASES_CACHE_DIR": str(tmp_path / "cache"),
                "XDG_DATA_HOME": str(tmp_path / "data"), "PYTHONIOENCODING": "utf-8"})
    bindir = Path(sys.executable).parent
    env["PATH"] = f"{bindir}{os.pathsep}{env.get('PATH', '')}"
    done = subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, timeout=600,
                          stdin=subprocess.DEVNULL)
    return done.stdout + done.stderr


def test_the_readme_has_console_examples() -> None:
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.id for e in EXAMPLES])
def test_a_readme_console_example_prints_what_the_readme_shows(example: Example, tmp_path: Path) -> None:
    if shutil.which("bash") is None:
        pytest.skip("needs bash")
    output = _run(example.command, ROOT, tmp_path)
    problem = mismatch(example.expected, output.splitlines())
    assert problem is None, f"README.md:{example.line}: `{example.command}`: {problem}\n--- real output:\n{output}"


# -- the matcher itself: it must be able to fail --------------------------------------------------

@pytest.mark.parametrize(("expected", "actual", "ok"), [
    (["a", "b"], ["a", "b"], True),
    (["a", "b"], ["a", "c"], False),
    (["a", "…", "d"], ["a", "b", "c", "d"], True),
    (["a", "…", "d"], ["a", "d"], True),
    (["a", "…", "d"], ["a", "b"], False),
    (["x = …;"], ["x = 42;"], True),
    (["x = …;"], ["y = 42;"], False),
    (["a"], ["a", "extra"], False),
    (["  …", "z"], ["p", "q", "z"], True),
])
def test_the_example_matcher(expected: list[str], actual: list[str], ok: bool) -> None:
    assert (mismatch(expected, actual) is None) is ok


def test_console_blocks_are_split_into_commands_and_their_output() -> None:
    text = "```sh\n$ not this\n```\n```console\n$ one  # note\nout 1\n$ two | head -1\nout 2\n…\n```\n"
    found = examples(text)
    assert [(e.command, e.expected) for e in found] == [("one", ["out 1"]), ("two | head -1", ["out 2", "…"])]
