"""Saves under attack and accident: special files, huge or deep files, loose fields, another story's file.

Each test is one finding of issue 12 (items 1, 2, 5, 11, 14, 15, 16): it failed before the fix.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from dreamphases.player.session import story_id_for
from dreamphases.saving import MAX_SAVE_BYTES, SaveError, SaveFile, SaveStore
from tests.player.storybook import files_snapshot

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")


def _good(make_save: Callable[..., SaveFile]) -> dict[str, object]:
    return json.loads(make_save(0).model_dump_json())


# -- item 16: strict fields, a BOM, a damaged state ----------------------------------------------------

@pytest.mark.parametrize("version", ["2", "1", 2.0, 1.0, -5, 0, True, None])
def test_a_version_that_is_not_a_positive_whole_number_is_damage(
    store: SaveStore, make_save: Callable[..., SaveFile], version: object
) -> None:
    store.path("odd").parent.mkdir(parents=True, exist_ok=True)
    store.path("odd").write_text(json.dumps({**_good(make_save), "version": version}), encoding="utf-8")
    with pytest.raises(SaveError, match="is damaged: version"):
        store.read("odd")


def test_a_save_with_a_byte_order_mark_reads_as_the_same_save(
    store: SaveStore, make_save: Callable[..., SaveFile]
) -> None:
    save = make_save(1)
    store.path("bom").parent.mkdir(parents=True, exist_ok=True)
    store.path("bom").write_bytes(b"\xef\xbb\xbf" + save.model_dump_json().encode("utf-8"))
    assert store.read("bom") == save


@pytest.mark.parametrize("state", ['{"not": "closed"', "[1, 2]", '"text"', "xx"])
def test_a_state_that_is_not_a_runtime_state_is_reported_as_damage(
    store: SaveStore, make_save: Callable[..., SaveFile], state: str
) -> None:
    store.path("s").parent.mkdir(parents=True, exist_ok=True)
    store.path("s").write_text(json.dumps({**_good(make_save), "state": state}), encoding="utf-8")
    with pytest.raises(SaveError, match="is damaged: state"):
        store.read("s")


def test_a_mangled_state_on_the_very_same_story_is_damage_not_an_edit(
    engine, make_save: Callable[..., SaveFile]
) -> None:
    from dreamphases.saving import restore_state

    save = make_save(1)
    state = json.loads(save.state)
    state["flows"] = "not flows"
    broken = save.model_copy(update={"state": json.dumps(state)})
    with pytest.raises(SaveError, match="damaged: its runtime state does not load"):
        restore_state(engine, broken)
    assert engine.can_continue()  # left at the beginning, untouched


# -- item 15: seeds outside the runtime's range ----------------------------------------------------

@pytest.mark.parametrize("seed", [2**63, -(2**63) - 1, 10**30, "7", 7.5])
def test_a_save_whose_seed_the_runtime_cannot_take_is_damage(
    store: SaveStore, make_save: Callable[..., SaveFile], seed: object
) -> None:
    store.path("seed").parent.mkdir(parents=True, exist_ok=True)
    store.path("seed").write_text(json.dumps({**_good(make_save), "seed": seed}), encoding="utf-8")
    with pytest.raises(SaveError, match="is damaged: seed"):
        store.read("seed")


# -- item 14: a saved_at without a time zone -------------------------------------------------------

def test_a_save_time_without_a_zone_is_read_as_utc_and_listed_with_the_rest(
    store: SaveStore, make_save: Callable[..., SaveFile]
) -> None:
    store.write("aware", make_save())
    store.path("naive").write_text(json.dumps({**_good(make_save), "saved_at": "2030-01-02T03:04:05"}),
                                   encoding="utf-8")
    infos = {info.slot: info for info in store.slots()}
    assert set(infos) == {"aware", "naive"}
    naive = infos["naive"].save
    assert naive is not None and naive.saved_at.utcoffset() is not None
    assert naive.saved_at.replace(tzinfo=None) == datetime(2030, 1, 2, 3, 4, 5)


# -- item 11: special files, huge files, deep nesting ---------------------------------------------

@posix_only
def test_a_save_linked_to_dev_zero_is_refused_quickly(store: SaveStore) -> None:
    store.folder.mkdir(parents=True)
    os.symlink("/dev/zero", store.path("zero"))
    with pytest.raises(SaveError, match="not a regular file"):
        store.read("zero")


@posix_only
def test_a_save_that_is_a_fifo_does_not_hang(store: SaveStore) -> None:
    store.folder.mkdir(parents=True)
    os.mkfifo(store.path("fifo"))
    with pytest.raises(SaveError, match="not a regular file"):
        store.read("fifo")
    assert [info.slot for info in store.slots()] == ["fifo"]  # listed as unreadable, no hang


def test_a_save_over_the_size_limit_is_refused_without_reading_it(store: SaveStore) -> None:
    store.folder.mkdir(parents=True)
    with open(store.path("huge"), "wb") as fh:
        fh.truncate(MAX_SAVE_BYTES + 1)  # sparse: no disk used
    with pytest.raises(SaveError, match="too big"):
        store.read("huge")


@pytest.mark.parametrize("where", ["file", "state"])
def test_json_nested_100k_deep_is_damage_not_a_recursion_error(
    store: SaveStore, make_save: Callable[..., SaveFile], where: str
) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    store.folder.mkdir(parents=True)
    if where == "file":
        store.path("deep").write_text(deep, encoding="utf-8")
    else:
        store.path("deep").write_text(json.dumps({**_good(make_save), "state": deep}), encoding="utf-8")
    with pytest.raises(SaveError, match="damaged"):
        store.read("deep")


# -- item 5: a save that is a symlink stays one -------------------------------------------------------

@posix_only
def test_writing_a_slot_that_is_a_symlink_writes_through_the_link(
    store: SaveStore, make_save: Callable[..., SaveFile], tmp_path: Path
) -> None:
    elsewhere = tmp_path / "synced" / "night.json"
    elsewhere.parent.mkdir()
    store.write("autosave", make_save())
    os.replace(store.path("autosave"), elsewhere)
    os.symlink(elsewhere, store.path("autosave"))
    store.write("autosave", make_save(1))
    assert store.path("autosave").is_symlink()
    assert SaveFile.model_validate_json(elsewhere.read_text(encoding="utf-8")).choices[0].text == "Ignore him"


# -- items 1 and 2: a slot holding something this story cannot use is never overwritten --------------

@pytest.mark.parametrize("content", [
    lambda good: json.dumps({**good, "story_id": "another-tale"}),
    lambda good: json.dumps({**good, "version": 99}),
    lambda good: '{"format": "dreamphases-save", "vers',
], ids=["another-story", "newer-format", "damaged"])
def test_a_slot_holding_a_file_this_story_cannot_use_is_never_overwritten(
    store: SaveStore, make_save: Callable[..., SaveFile], content: Callable[[dict[str, object]], str]
) -> None:
    store.folder.mkdir(parents=True)
    store.path("autosave").write_text(content(_good(make_save)), encoding="utf-8")
    before = files_snapshot(store.root)
    with pytest.raises(SaveError, match="is kept as it is"):
        store.write("autosave", make_save(1))
    assert files_snapshot(store.root) == before


def test_two_stories_with_the_same_file_name_get_different_save_ids(tmp_path: Path) -> None:
    a = tmp_path / "a" / "story.ink"
    b = tmp_path / "b" / "story.ink"
    assert story_id_for(None, a) != story_id_for(None, b)
    assert story_id_for("Same Title", a) != story_id_for("Same Title", b)
    assert story_id_for("Same Title", a).startswith("same-title-")
    assert story_id_for(None, a) == story_id_for(None, tmp_path / "a" / ".." / "a" / "story.ink")
