"""Files we write keep the user's umask and an existing file's mode, write through symlinks, never
replace an input, and fail with a sentence (exit 2), never a traceback — for every command that writes."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from dreamphases.cli import main
from dreamphases.fileio import write_atomic

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes and links")

STORY = ("# title: Door\nThe door is ajar.\n* [Push it] It swings open. # ending: open\n  -> END\n"
         "* [Wait] It stays shut. # ending: shut\n  -> END\n")


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "door.ink"
    path.write_text(STORY, encoding="utf-8")
    return path


@posix_only
@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_a_new_file_gets_the_mode_the_umask_allows(tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        write_atomic(tmp_path / "out.txt", "x")
    finally:
        os.umask(old)
    assert mode(tmp_path / "out.txt") == 0o666 & ~umask


@posix_only
def test_a_replaced_file_keeps_its_mode(tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o640)
    write_atomic(target, "new")
    assert mode(target) == 0o640 and target.read_text(encoding="utf-8") == "new"


@posix_only
def test_a_symlink_stays_a_symlink_and_its_target_gets_the_text(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"


@pytest.mark.parametrize("command", [
    ["compile", "{story}", "-o", "{out}"],
    ["map", "{story}", "-o", "{out}"],
    ["map", "{story}", "--html", "{out}"],
    ["record", "{story}", "--choices", "1", "-o", "{out}"],
    ["explore", "{story}", "--runs", "3", "-o", "{out}"],
], ids=["compile", "map", "map-html", "record", "explore"])
@posix_only
def test_every_command_that_writes_keeps_the_umask_and_an_existing_mode(
    command: list[str], story: Path, tmp_path: Path, umask_022: None
) -> None:
    out = tmp_path / "out" / "result"
    args = [part.format(story=story, out=out) for part in command]
    assert main(args) in (0, 1)
    assert mode(out) == 0o644
    os.chmod(out, 0o664)
    assert main(args) in (0, 1)
    assert mode(out) == 0o664


@posix_only
def test_explore_specs_keep_the_umask(story: Path, tmp_path: Path, umask_022: None) -> None:
    assert main(["explore", str(story), "--runs", "5", "--specs", str(tmp_path / "specs")]) == 0
    written = list((tmp_path / "specs").iterdir())
    assert written and all(mode(path) == 0o644 for path in written)


# -- compile -o never overwrites its input ---------------------------------------------------------

def test_compile_refuses_a_json_input_without_o(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "story.json"
    source.write_text(STORY, encoding="utf-8")
    assert main(["compile", str(source)]) == 2
    assert source.read_text(encoding="utf-8") == STORY
    assert "name the output with -o" in capsys.readouterr().err


def test_compile_refuses_to_write_over_its_input(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compile", str(story), "-o", str(story)]) == 2
    assert story.read_text(encoding="utf-8") == STORY
    assert "refusing to overwrite the input file" in capsys.readouterr().err


def test_compile_refuses_to_write_over_an_included_file(tmp_path: Path) -> None:
    main_file = tmp_path / "main.ink"
    main_file.write_text("INCLUDE part.ink\n-> start\n", encoding="utf-8")
    part = tmp_path / "part.ink"
    part.write_text("=== start ===\nHello.\n-> END\n", encoding="utf-8")
    assert main(["compile", str(main_file), "-o", str(part)]) == 2
    assert part.read_text(encoding="utf-8").startswith("=== start")


@posix_only
def test_compile_refuses_a_symlink_to_its_input(story: Path, tmp_path: Path) -> None:
    link = tmp_path / "out.json"
    link.symlink_to(story)
    assert main(["compile", str(story), "-o", str(link)]) == 2
    assert link.is_symlink() and story.read_text(encoding="utf-8") == STORY


@posix_only
def test_compile_writes_through_a_symlink_to_another_file(story: Path, tmp_path: Path) -> None:
    real = tmp_path / "build" / "door.json"
    real.parent.mkdir()
    real.write_text("{}", encoding="utf-8")
    link = tmp_path / "door.json"
    link.symlink_to(real)
    assert main(["compile", str(story), "-o", str(link)]) == 0
    assert link.is_symlink() and '"inkVersion"' in real.read_text(encoding="utf-8")


@pytest.mark.parametrize("target", ["{dir}", "/proc/version", "/proc/nonexistent-dreamphases/out.json",
                                    "{file}/below.json", "/dev/full"],
                         ids=["a-folder", "proc", "proc-new", "below-a-file", "full-disk"])
@posix_only
def test_compile_to_an_unwritable_place_is_exit_2_with_a_message(story: Path, tmp_path: Path, target: str) -> None:
    if target.startswith("/proc") and not Path("/proc/version").exists():
        pytest.skip("no /proc here")
    if target == "/dev/full" and not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    out = target.format(dir=tmp_path, file=story)
    done = subprocess.run([sys.executable, "-m", "dreamphases", "compile", str(story), "-o", out],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("error: cannot write") and "Traceback" not in done.stderr
    assert story.read_text(encoding="utf-8") == STORY


def test_compile_of_a_folder_says_it_is_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compile", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err


@pytest.mark.parametrize("option", ["-o", "--specs"])
@posix_only
def test_explore_to_an_unwritable_place_is_exit_2_with_a_message(
    option: str, story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    assert main(["explore", str(story), "--runs", "3", option, str(blocker / "below")]) == 2
    assert capsys.readouterr().err.startswith("error: cannot write")
