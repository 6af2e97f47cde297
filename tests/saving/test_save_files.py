"""Save files on disk: what a good one holds, and what every bad one says — without touching a file."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from dreamphases.saving import SAVE_VERSION, SaveError, SaveFile, SaveStore
from tests.player.storybook import files_snapshot


def test_a_save_reads_back_as_written(store: SaveStore, make_save: Callable[..., SaveFile]) -> None:
    save = make_save(1)
    path = store.write("night-one", save)
    assert path == store.folder / "night-one.json"
    assert store.read("night-one") == save


def test_a_save_file_carries_everything_needed_to_resume(
    store: SaveStore, make_save: Callable[..., SaveFile]
) -> None:
    data = json.loads(store.write("slot", make_save(1)).read_text(encoding="utf-8"))
    assert data["format"] == "dreamphases-save" and data["version"] == SAVE_VERSION
    assert data["story_id"] == "test-night" and len(data["story_hash"]) == 64
    assert json.loads(data["state"])["inkSaveVersion"]  # bink's own state, verbatim
    assert data["choices"] == [{"index": 1, "text": "Ignore him"}]
    assert data["stats"] == {"lucidity": 30.0}
    assert data["knot"] == "hallway"
    assert data["saved_at"]


def test_each_slot_is_its_own_file(store: SaveStore, make_save: Callable[..., SaveFile]) -> None:
    store.write("a", make_save())
    store.write("b", make_save(0))
    assert sorted(p.name for p in store.folder.iterdir()) == ["a.json", "b.json"]


def test_slots_lists_unreadable_files_with_the_reason(
    store: SaveStore, make_save: Callable[..., SaveFile]
) -> None:
    store.write("good", make_save())
    (store.folder / "bad.json").write_text("{", encoding="utf-8")
    (store.folder / ".good.json.x1y2.tmp").write_text("half a save", encoding="utf-8")
    infos = {info.slot: info for info in store.slots()}
    assert set(infos) == {"good", "bad"}
    assert infos["good"].save is not None
    assert "not valid JSON" in infos["bad"].problem


def _valid(make_save: Callable[..., SaveFile]) -> dict[str, object]:
    return json.loads(make_save(0).model_dump_json())


BAD_FILES: list[tuple[str, Callable[[dict[str, object]], str], str]] = [
    ("corrupt", lambda good: '{"format": "dreamphases-save", "vers', "not valid JSON"),
    ("not-utf8", lambda good: "\udcff", "not UTF-8 text"),
    ("not-a-save", lambda good: json.dumps({"inkVersion": 21, "root": []}), "is not a DreamPhases save file"),
    ("a-list", lambda good: "[1, 2]", "is not a DreamPhases save file"),
    ("foreign", lambda good: json.dumps({**good, "story_id": "another-tale"}),
     "belongs to another story ('another-tale', not 'test-night')"),
    ("newer", lambda good: json.dumps({**good, "version": SAVE_VERSION + 1, "state": 5}),
     f"written by a newer DreamPhases (save format {SAVE_VERSION + 1}"),
    ("bad-hash", lambda good: json.dumps({**good, "story_hash": "xyz"}), "damaged: story_hash"),
    ("no-state", lambda good: json.dumps({k: v for k, v in good.items() if k != "state"}), "damaged: state"),
    ("bad-choice", lambda good: json.dumps({**good, "choices": [{"index": -1, "text": "x"}]}),
     "damaged: choices.0.index"),
]


@pytest.mark.parametrize(("slot", "content", "message"), BAD_FILES, ids=[case[0] for case in BAD_FILES])
def test_a_bad_save_is_refused_with_a_clear_message_and_nothing_changes(
    store: SaveStore, make_save: Callable[..., SaveFile], slot: str,
    content: Callable[[dict[str, object]], str], message: str,
) -> None:
    store.write("keep", make_save(1))
    raw = content(_valid(make_save))
    store.path(slot).write_bytes(raw.encode("utf-8", "surrogateescape"))
    before = files_snapshot(store.root)
    with pytest.raises(SaveError) as caught:
        store.read(slot)
    assert message in str(caught.value)
    assert files_snapshot(store.root) == before


def test_a_missing_slot_says_where_it_looked(store: SaveStore) -> None:
    with pytest.raises(SaveError, match=r"there is no save in slot 'nope' \(looked for .*nope\.json\)"):
        store.read("nope")
    assert not store.root.exists()


@pytest.mark.parametrize("slot", ["", "../escape", "a/b", ".hidden", "x" * 41, "with space"])
def test_an_unusable_slot_name_is_refused_before_any_file_is_touched(
    store: SaveStore, make_save: Callable[..., SaveFile], slot: str
) -> None:
    with pytest.raises(SaveError, match="is not a usable slot name"):
        store.write(slot, make_save())
    assert not store.root.exists()


def test_a_save_that_cannot_be_written_is_an_error_not_a_crash(
    tmp_path: Path, make_save: Callable[..., SaveFile]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(SaveError, match="could not write"):
        SaveStore(blocker, "test-night").write("slot", make_save())


def test_writing_a_slot_sweeps_old_temp_files_a_killed_save_left(
    store: SaveStore, make_save: Callable[..., SaveFile]
) -> None:
    store.write("autosave", make_save())
    old = store.folder / ".autosave.json.k1ll3d.tmp"
    fresh = store.folder / ".autosave.json.wr1t1ng.tmp"
    other = store.folder / ".evening.json.k1ll3d.tmp"
    for leftover in (old, fresh, other):
        leftover.write_text("half a save", encoding="utf-8")
    long_ago = time.time() - 3600
    os.utime(old, (long_ago, long_ago))
    os.utime(other, (long_ago, long_ago))
    store.write("autosave", make_save(0))
    assert not old.exists()
    assert fresh.exists() and other.exists()  # maybe still being written; another slot's
