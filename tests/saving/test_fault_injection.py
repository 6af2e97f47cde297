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
    kills = 25
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
