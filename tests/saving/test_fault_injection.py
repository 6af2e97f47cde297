"""Kill a process in the middle of saving, again and again: the previous save always survives whole.

A child process rewrites one slot in a tight loop, each save numbered; the test SIGKILLs it at
varying moments. After every kill the slot must read back as a valid save — never truncated, never
missing — and its number must never go backwards.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dreamphases.saving import SaveStore
from tests.player.storybook import STORIES

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

CHILD = """
import sys
from pathlib import Path
from dreamphases.runtime.engine import Engine
from dreamphases.saving import SaveFile, SaveStore, now

engine = Engine(Path(sys.argv[2]).read_text(encoding="utf-8-sig"))
store = SaveStore(Path(sys.argv[1]), "test-night")
state = engine.save_state()
padding = "x" * 200_000  # a big file makes the write window wide enough to hit
number = int(sys.argv[3])
print("ready", flush=True)
while True:
    number += 1
    store.write("autosave", SaveFile(
        story_id="test-night", story_hash=engine.hash, state=state, seed=number,
        knot=padding, saved_at=now(),
    ))
"""


def test_a_killed_save_never_damages_the_previous_one(tmp_path: Path) -> None:
    story = tmp_path / "night.json"
    from tests.player.storybook import compiled_json

    story.write_text(compiled_json("night"), encoding="utf-8")
    store = SaveStore(tmp_path / "saves", "test-night")
    last = 0
    kills = 60
    for attempt in range(kills):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(store.root), str(story), str(last)],
            stdout=subprocess.PIPE, cwd=STORIES,
        )
        assert child.stdout is not None and child.stdout.readline() == b"ready\n"
        time.sleep(0.01 + (attempt % 5) * 0.013)  # vary the moment of death across the write cycle
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        if attempt == 0 and not store.path("autosave").exists():
            continue  # killed before the very first save finished: nothing to protect yet
        save = store.read("autosave")  # raises if the file were partial or invalid
        assert save.seed >= last
        last = save.seed
    assert last > 0
    print(f"\n{kills} SIGKILLs mid-write: every save whole, {last} saves written, numbers never backwards")


@pytest.mark.slow
def test_killing_the_real_player_mid_game_never_loses_or_rewinds_the_autosave(tmp_path: Path) -> None:
    """The player itself, autosaving after every choice, SIGKILLed at 50 moments: after each kill the
    autosave loads into the story (state and all) and holds at least as many choices as before."""
    from dreamphases.runtime.engine import Engine
    from dreamphases.saving import restore_state
    from tests.player.storybook import write_story

    story = write_story("corridor", tmp_path)
    saves = tmp_path / "saves"
    env = {**os.environ, "DREAMPHASES_CACHE_DIR": str(tmp_path / "cache"), "COLUMNS": "80"}
    engine = Engine(story.read_text(encoding="utf-8"))
    folder: Path | None = None
    progress, kills, loads = 0, 50, 0
    for attempt in range(kills):
        resume = ["--continue"] if folder is not None else []
        child = subprocess.Popen(
            [sys.executable, "-m", "dreamphases", "play", str(story), "--saves", str(saves), "--autosave",
             *resume], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
        )
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write(b"1\n2\n" * 2000)  # far more choices than it can make before the kill
        child.stdin.flush()
        child.stdin.close()
        _wait_for_a_new_autosave(saves, before=_stamp(saves))  # the player is up and autosaving
        time.sleep((attempt % 7) * 0.011)  # vary the moment of death across the autosave cycle
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        if folder is None:
            folder = sorted(saves.glob("corridor-*"))[0]
        store = SaveStore(saves, folder.name)
        save = store.read("autosave")  # raises if the file were partial or invalid
        assert restore_state(engine, save)
        assert engine.choices() == ["Left", "Right"]
        assert len(save.choices) >= progress
        progress = len(save.choices)
        loads += 1
    assert loads == kills and progress > kills  # every kill checked; the game moved on between kills
    print(f"\n{kills} SIGKILLs of the player: {loads} autosaves loaded, progress {progress} choices, never backwards")


def _stamp(saves: Path) -> int:
    found = list(saves.glob("corridor-*/autosave.json"))
    return found[0].stat().st_mtime_ns if found else 0


def _wait_for_a_new_autosave(saves: Path, before: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while _stamp(saves) == before:
        assert time.monotonic() < deadline, "the player never autosaved"
        time.sleep(0.005)
