"""The README's recipes that are not console transcripts: the hello.ink walk-through, the scripted-play
examples on the bundled story, and the excerpt of a real playthrough spec."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _dreamphases(*args: str, cwd: Path, tmp_path: Path, input: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "100", "DREAMPHASES_CACHE_DIR": str(tmp_path / "cache"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    return subprocess.run([sys.executable, "-m", "dreamphases", *args], cwd=cwd, env=env, input=input,
                          capture_output=True, text=True, timeout=600)


def _hello() -> str:
    match = re.search(r"cat > hello\.ink <<'INK'\n(.*?)\nINK\n", README, re.DOTALL)
    assert match, "the README's hello.ink recipe is missing"
    return match.group(1) + "\n"


def test_the_hello_recipe_compiles_checks_and_explains_its_dead_ends(tmp_path: Path) -> None:
    (tmp_path / "hello.ink").write_text(_hello(), encoding="utf-8")
    assert _dreamphases("compile", "hello.ink", "-o", "hello.json", cwd=tmp_path, tmp_path=tmp_path).returncode == 0
    assert '"inkVersion": 21' in (tmp_path / "hello.json").read_text(encoding="utf-8").replace('":21', '": 21')
    assert _dreamphases("check", "hello.ink", cwd=tmp_path, tmp_path=tmp_path).returncode in (0, 1)
    played = _dreamphases("play", "hello.ink", "--choices", "1", cwd=tmp_path, tmp_path=tmp_path)
    assert played.returncode == 0 and "It swings open." in played.stdout
    # what the README says explore does with it: no `# ending:` tag, so each end is a dead end
    assert "hello.ink" in README and "dead end" in README
    explored = _dreamphases("explore", "hello.ink", "--runs", "20", cwd=tmp_path, tmp_path=tmp_path)
    assert explored.returncode == 1 and "dead end" in explored.stdout


def _play_examples() -> list[str]:
    return re.findall(r"^(dreamphases play --choices \S+|echo \"\d+\" \| dreamphases play)\s", README, re.MULTILINE)


def test_the_readme_shows_scripted_play() -> None:
    assert len(_play_examples()) == 2


@pytest.mark.parametrize("example", _play_examples())
def test_the_scripted_play_examples_work_on_the_bundled_story(example: str, tmp_path: Path) -> None:
    if example.startswith("echo"):
        number = re.search(r"\d+", example).group(0)  # type: ignore[union-attr]
        done = _dreamphases("play", cwd=tmp_path, tmp_path=tmp_path, input=number + "\n")
    else:
        done = _dreamphases("play", "--choices", example.split()[-1],
                            cwd=tmp_path, tmp_path=tmp_path)
    assert done.returncode == 0, done.stdout[-1500:] + done.stderr
    assert done.stdout.count("› ") >= 1
    assert not (tmp_path / "data").exists()  # a scripted run leaves the player's saves alone


def test_the_spec_excerpt_is_from_the_real_spec_in_order() -> None:
    block = re.search(r"```yaml\n# (tests/\S+\.playthrough\.yaml)[^\n]*\n(.*?)```", README, re.DOTALL)
    assert block, "the README's spec excerpt is missing"
    real = (ROOT / block.group(1)).read_text(encoding="utf-8").splitlines()
    position = 0
    for line in block.group(2).splitlines():
        shown = re.sub(r"\s+#.*$", "", line).rstrip()
        if not shown or line.lstrip().startswith("#"):
            continue
        while position < len(real) and real[position].rstrip() != shown:
            position += 1
        assert position < len(real), f"README spec excerpt line not in {block.group(1)} (in order): {shown!r}"
        position += 1
