"""The one story loader: the sandbox before any read, only regular files, never a stale compile."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dreamphases.loader import StoryProblem, load_story
from dreamphases.testing import story as testing_story


def _play(story: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, DREAMPHASES_CACHE_DIR=str(tmp_path / "cache"), NO_COLOR="1")
    return subprocess.run([sys.executable, "-m", "dreamphases", "play", "--plain", str(story)], input="",
                          capture_output=True, text=True, timeout=60, env=env, cwd=tmp_path)


def test_the_test_tools_and_the_player_share_one_loader() -> None:
    assert testing_story.load_story is load_story


def test_an_edited_include_is_recompiled(tmp_path: Path) -> None:
    (tmp_path / "part.ink").write_text("First draft.\n", encoding="utf-8")
    main = tmp_path / "main.ink"
    main.write_text("INCLUDE part.ink\n-> END\n", encoding="utf-8")
    before = load_story(main).json_text
    (tmp_path / "part.ink").write_text("Second draft.\n", encoding="utf-8")
    after = load_story(main).json_text
    assert "First draft." in before and "Second draft." in after


@pytest.mark.parametrize("target", ["/dev/zero", "/etc/passwd", "../outside.ink"])
def test_play_refuses_an_include_outside_the_story_folder_before_reading_it(tmp_path: Path, target: str) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    (tmp_path / "outside.ink").write_text("Secret.\n", encoding="utf-8")
    main = folder / "main.ink"
    main.write_text(f"INCLUDE {target}\nHello.\n", encoding="utf-8")
    done = _play(main, tmp_path)
    assert done.returncode == 1, done.stderr
    assert "outside the story's folder" in done.stderr
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_an_include_of_a_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.ink")
    main = tmp_path / "main.ink"
    main.write_text("INCLUDE pipe.ink\nHello.\n", encoding="utf-8")
    done = _play(main, tmp_path)  # a hang fails by the timeout
    assert done.returncode == 1, done.stderr
    assert "pipe.ink" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_an_include_symlinked_to_a_device_inside_the_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "zero.ink").symlink_to("/dev/zero")  # resolves outside: refused by the sandbox
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "pipe.ink").symlink_to(tmp_path / "fifo")  # resolves inside, but is no regular file
    for name in ("zero.ink", "pipe.ink"):
        main = tmp_path / "main.ink"
        main.write_text(f"INCLUDE {name}\nHello.\n", encoding="utf-8")
        with pytest.raises(StoryProblem) as caught:
            load_story(main)
        assert caught.value.status == 1


def test_a_corrupt_compile_cache_is_rebuilt_silently(tmp_path: Path) -> None:
    main = tmp_path / "main.ink"
    main.write_text("Hello from the cache.\n", encoding="utf-8")
    assert _play(main, tmp_path).returncode == 0
    [entry] = (tmp_path / "cache").glob("*.json")
    entry.write_text('{"inkVersion": 21, "root": [', encoding="utf-8")
    done = _play(main, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Hello from the cache.") and done.stderr == ""


def test_a_folder_is_not_a_story(tmp_path: Path) -> None:
    with pytest.raises(StoryProblem) as caught:
        load_story(tmp_path)
    assert caught.value.status == 2 and "folder" in caught.value.message


def test_the_in_process_memo_stays_small_over_many_edits(tmp_path: Path) -> None:
    from dreamphases import loader

    main = tmp_path / "main.ink"
    for n in range(loader.MEMO_SIZE + 5):
        main.write_text(f"Draft {n}.\n", encoding="utf-8")
        assert f"Draft {n}." in load_story(main).json_text
    assert len(loader._MEMO) <= loader.MEMO_SIZE
