"""An editor's unsaved buffers (`overlay`) are compiled instead of the files on disk, inside the sandbox."""

from __future__ import annotations

from pathlib import Path

from dreamphases.compiler import compile_path


def _story(tmp_path: Path) -> Path:
    (tmp_path / "main.ink").write_text("INCLUDE part.ink\n-> part\n", encoding="utf-8")
    (tmp_path / "part.ink").write_text("== part ==\nOn disk.\n-> END\n", encoding="utf-8")
    return tmp_path / "main.ink"


def test_an_overlaid_include_is_compiled_instead_of_the_file(tmp_path: Path) -> None:
    main = _story(tmp_path)
    result = compile_path(main, overlay={(tmp_path / "part.ink").resolve(): "== part ==\nIn the editor.\n-> END\n"})
    assert result.json_text is not None
    assert "In the editor." in result.json_text and "On disk." not in result.json_text


def test_an_overlaid_main_file_is_compiled_instead_of_the_file(tmp_path: Path) -> None:
    main = _story(tmp_path)
    result = compile_path(main, overlay={main.resolve(): "-> nowhere\n"})
    assert [d.code for d in result.diagnostics] == ["E012"]


def test_an_unsaved_new_file_can_be_included(tmp_path: Path) -> None:
    main = _story(tmp_path)
    (tmp_path / "main.ink").write_text("INCLUDE fresh.ink\n-> fresh\n", encoding="utf-8")
    result = compile_path(main, overlay={(tmp_path / "fresh.ink").resolve(): "== fresh ==\nNew.\n-> END\n"})
    assert result.json_text is not None and "New." in result.json_text


def test_an_overlay_cannot_reach_outside_the_story_folder(tmp_path: Path) -> None:
    story = tmp_path / "story"
    story.mkdir()
    (story / "main.ink").write_text("INCLUDE ../secret.ink\nHi.\n", encoding="utf-8")
    result = compile_path(story / "main.ink", overlay={(tmp_path / "secret.ink").resolve(): "== s ==\nSecret.\n"})
    assert [d.code for d in result.diagnostics] == ["E005"]


def test_overlaid_text_gets_the_same_checks_as_a_file(tmp_path: Path) -> None:
    main = _story(tmp_path)
    result = compile_path(main, overlay={(tmp_path / "part.ink").resolve(): "== part ==\n\x00\x01\n"})
    assert any(d.code == "E007" and "NUL" in d.message for d in result.diagnostics)
