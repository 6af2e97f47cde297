"""INCLUDE: resolved as inklecate resolves it (relative to the main file's folder), sandboxed to it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dreamphases.compiler import CompileResult
from tests.compiler.support import diagnostics_with

StoryDir = Callable[[dict[str, str | bytes]], Path]
CompileFile = Callable[[Path], CompileResult]


def test_an_included_file_joins_the_story(story_dir: StoryDir, compile_file: CompileFile) -> None:
    main = story_dir({"main.ink": "INCLUDE parts/extra.ink\n-> extra\n",
                      "parts/extra.ink": "== extra ==\nFrom the other file.\n-> END\n"})
    result = compile_file(main)
    assert result.json_text is not None and "From the other file." in result.json_text


def test_nested_includes_resolve_against_the_main_files_folder(story_dir: StoryDir,
                                                               compile_file: CompileFile) -> None:
    # parts/a.ink says 'INCLUDE parts/b.ink': relative to the main folder, not to parts/
    main = story_dir({"main.ink": "INCLUDE parts/a.ink\n-> b\n",
                      "parts/a.ink": "INCLUDE parts/b.ink\n",
                      "parts/b.ink": "== b ==\nDeep.\n-> END\n"})
    result = compile_file(main)
    assert result.json_text is not None and "Deep." in result.json_text


def test_a_main_file_in_a_subfolder_includes_from_its_own_folder(story_dir: StoryDir,
                                                                 compile_file: CompileFile) -> None:
    story_dir({"extra.ink": "== extra ==\nWrong file.\n-> END\n"})
    main = story_dir({"game/main.ink": "INCLUDE extra.ink\n-> extra\n",
                      "game/extra.ink": "== extra ==\nRight file.\n-> END\n"})
    result = compile_file(main)
    assert result.json_text is not None and "Right file." in result.json_text


def test_an_include_that_leaves_the_folder_is_refused(story_dir: StoryDir, compile_file: CompileFile) -> None:
    story_dir({"secret.ink": "== secret ==\n-> END\n"})
    main = story_dir({"game/main.ink": "Hi\nINCLUDE ../secret.ink\n-> END\n"})
    [diag] = diagnostics_with(compile_file(main), "E005")
    assert (diag.span.file, diag.span.line, diag.span.col) == ("main.ink", 2, 9)
    assert "outside the story's folder" in diag.message and "game/" in (diag.hint or "")


def test_an_absolute_include_is_refused(story_dir: StoryDir, compile_file: CompileFile, tmp_path: Path) -> None:
    other = story_dir({"elsewhere/x.ink": "Hi\n"})
    main = story_dir({"game/main.ink": f"INCLUDE {other.resolve()}\n-> END\n"})
    assert diagnostics_with(compile_file(main), "E005")


def test_a_missing_include_is_reported(story_dir: StoryDir, compile_file: CompileFile) -> None:
    main = story_dir({"main.ink": "INCLUDE nope.ink\n-> END\n"})
    [diag] = diagnostics_with(compile_file(main), "E004")
    assert "'nope.ink': no such file" in diag.message
    assert diag.excerpt == "INCLUDE nope.ink"


def test_an_include_without_a_name_is_reported(story_dir: StoryDir, compile_file: CompileFile) -> None:
    main = story_dir({"main.ink": "INCLUDE\n-> END\n"})
    assert diagnostics_with(compile_file(main), "E004")


def test_a_cycle_of_includes_is_reported(story_dir: StoryDir, compile_file: CompileFile) -> None:
    main = story_dir({"main.ink": "INCLUDE a.ink\n-> END\n", "a.ink": "INCLUDE b.ink\n", "b.ink": "INCLUDE a.ink\n"})
    [diag] = diagnostics_with(compile_file(main), "E006")
    assert diag.message == "INCLUDE cycle: main.ink -> a.ink -> b.ink -> a.ink"
    assert diag.span.file == "b.ink"


def test_a_file_including_itself_is_a_cycle(story_dir: StoryDir, compile_file: CompileFile) -> None:
    main = story_dir({"main.ink": "INCLUDE main.ink\n-> END\n"})
    assert diagnostics_with(compile_file(main), "E006")


def test_a_file_included_twice_is_read_once(story_dir: StoryDir, compile_file: CompileFile) -> None:
    main = story_dir({"main.ink": "INCLUDE a.ink\nINCLUDE a.ink\n-> k\n", "a.ink": "== k ==\nOnce.\n-> END\n"})
    result = compile_file(main)
    assert not diagnostics_with(result, "E010") and result.json_text is not None


def test_errors_in_an_included_file_name_that_file(story_dir: StoryDir, compile_file: CompileFile) -> None:
    main = story_dir({"main.ink": "INCLUDE parts/a.ink\n-> k\n", "parts/a.ink": "== k ==\n-> nowhere\n"})
    [diag] = diagnostics_with(compile_file(main), "E012")
    assert (diag.span.file, diag.span.line) == ("parts/a.ink", 2)
    assert diag.excerpt == "-> nowhere"


def test_an_unreadable_included_file_is_reported_against_that_file(story_dir: StoryDir,
                                                                    compile_file: CompileFile) -> None:
    main = story_dir({"main.ink": "INCLUDE bad.ink\n-> END\n", "bad.ink": b"caf\xe9\n"})
    [diag] = diagnostics_with(compile_file(main), "E007")
    assert diag.span.file == "bad.ink"


@pytest.mark.parametrize("name", ["x" * 300 + ".ink", "a\x00b.ink", "a/" * 3000],
                         ids=["name too long", "NUL in the name", "path too long"])
def test_an_include_name_the_os_cannot_look_up_is_missing_not_a_crash(
        name: str, compile_text: Callable[[str], CompileResult]) -> None:
    # found by fuzzing: these raised OSError / ValueError from the file system calls
    result = compile_text(f"INCLUDE {name}\n-> END\n")
    assert [d.code for d in result.diagnostics] == ["E004"]
