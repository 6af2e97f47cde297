"""The compiled-story cache: keyed by every source the story includes, never stale, never fatal."""

from __future__ import annotations

from pathlib import Path

import pytest

from dreamphases.runtime import cache


@pytest.fixture
def story(tmp_path: Path) -> Path:
    (tmp_path / "acts").mkdir()
    (tmp_path / "acts" / "one.ink").write_text("Act one.\n", encoding="utf-8")
    main = tmp_path / "main.ink"
    main.write_text("INCLUDE acts/one.ink\nHello.\n", encoding="utf-8")
    return main


def test_the_key_is_stable_for_unchanged_sources(story: Path) -> None:
    assert cache.cache_key(story) == cache.cache_key(story)


def test_editing_the_main_file_changes_the_key(story: Path) -> None:
    before = cache.cache_key(story)
    story.write_text("INCLUDE acts/one.ink\nHello again.\n", encoding="utf-8")
    assert cache.cache_key(story) != before


def test_editing_an_included_file_changes_the_key(story: Path) -> None:
    before = cache.cache_key(story)
    (story.parent / "acts" / "one.ink").write_text("Act one, revised.\n", encoding="utf-8")
    assert cache.cache_key(story) != before


def test_a_stored_compile_is_found_again(
    story: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DREAMPHASES_CACHE_DIR", str(tmp_path / "cache"))
    cached, key = cache.lookup(story)
    assert cached is None
    cache.store(story, key, '{"inkVersion":21}')
    assert cache.lookup(story) == ('{"inkVersion":21}', key)


def test_an_unusable_cache_folder_is_not_an_error(
    story: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("DREAMPHASES_CACHE_DIR", str(blocker / "cache"))
    _, key = cache.lookup(story)
    assert cache.store(story, key, "{}") is None
