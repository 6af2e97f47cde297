"""The compiled-story cache: keyed by every source the story includes, never stale, never fatal."""

from __future__ import annotations

from pathlib import Path

import pytest

from dreamphases.compiler.source import read_sources
from dreamphases.runtime import cache

COMPILED = '{"inkVersion":21,"root":[["^Hello.","\\n",["done",{"#n":"g-0"}],null],"done",null]}'


@pytest.fixture
def story(tmp_path: Path) -> Path:
    (tmp_path / "acts").mkdir()
    (tmp_path / "acts" / "one.ink").write_text("Act one.\n", encoding="utf-8")
    main = tmp_path / "main.ink"
    main.write_text("INCLUDE acts/one.ink\nHello.\n", encoding="utf-8")
    return main


def key(story: Path) -> str:
    return cache.cache_key(read_sources(story))


def test_the_key_is_stable_for_unchanged_sources(story: Path) -> None:
    assert key(story) == key(story)


def test_editing_the_main_file_changes_the_key(story: Path) -> None:
    before = key(story)
    story.write_text("INCLUDE acts/one.ink\nHello again.\n", encoding="utf-8")
    assert key(story) != before


def test_editing_an_included_file_changes_the_key(story: Path) -> None:
    before = key(story)
    (story.parent / "acts" / "one.ink").write_text("Act one, revised.\n", encoding="utf-8")
    assert key(story) != before


def test_a_stored_compile_is_found_again(story: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DREAMPHASES_CACHE_DIR", str(tmp_path / "cache"))
    assert cache.lookup(story, key(story)) is None
    cache.store(story, key(story), COMPILED)
    assert cache.lookup(story, key(story)) == COMPILED


@pytest.mark.parametrize("damage", [b"", b'{"inkVersion":21,"root":[', b"\xff\xfe not text", b"[1, 2]", b"{}"])
def test_a_damaged_entry_is_discarded_not_served(story: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 damage: bytes) -> None:
    monkeypatch.setenv("DREAMPHASES_CACHE_DIR", str(tmp_path / "cache"))
    entry = cache.store(story, key(story), COMPILED)
    assert entry is not None
    entry.write_bytes(damage)
    assert cache.lookup(story, key(story)) is None
    assert not entry.exists()


def test_an_unusable_cache_folder_is_not_an_error(story: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("DREAMPHASES_CACHE_DIR", str(blocker / "cache"))
    assert cache.lookup(story, key(story)) is None
    assert cache.store(story, key(story), COMPILED) is None
