"""Unusable input files get a clear E007, not a crash or a wall of syntax errors."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from dreamphases.compiler import CompileResult
from dreamphases.compiler.source import MAX_SOURCE_BYTES
from tests.compiler.support import diagnostics_with

StoryDir = Callable[[dict[str, str | bytes]], Path]
CompileFile = Callable[[Path], CompileResult]


def _junk() -> bytes:
    return random.Random(7).randbytes(4096) + b"\x00"


@pytest.mark.parametrize(("content", "says"), [
    (_junk(), "not a text file"),
    (b"Caf\xe9 au lait\n", "not valid UTF-8"),
    (b"A" * (MAX_SOURCE_BYTES + 1), "too large"),
], ids=["binary junk", "invalid UTF-8", "larger than the limit"])
def test_an_unusable_file_gives_one_E007(content: bytes, says: str, story_dir: StoryDir,
                                         compile_file: CompileFile) -> None:
    result = compile_file(story_dir({"story.ink": content}))
    assert [d.code for d in result.diagnostics] == ["E007"]
    assert says in result.diagnostics[0].message
    assert result.diagnostics[0].hint


def test_a_ten_megabyte_story_is_refused_with_its_size(story_dir: StoryDir, compile_file: CompileFile) -> None:
    result = compile_file(story_dir({"story.ink": ("Line of text.\n" * 800_000).encode()}))
    [diag] = diagnostics_with(result, "E007")
    assert "10937 KiB" in diag.message and "8 MiB" in diag.message


def test_the_byte_offset_of_bad_utf8_is_reported(story_dir: StoryDir, compile_file: CompileFile) -> None:
    [diag] = diagnostics_with(compile_file(story_dir({"story.ink": b"ok\nbad \xff\n"})), "E007")
    assert "byte 7" in diag.message


def test_a_utf8_byte_order_mark_is_accepted(story_dir: StoryDir, compile_file: CompileFile) -> None:
    result = compile_file(story_dir({"story.ink": "\ufeffHello.\n-> END\n".encode()}))
    assert result.diagnostics == [] and result.json_text is not None


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["CRLF", "CR"])
def test_other_line_endings_keep_line_numbers(newline: str, story_dir: StoryDir, compile_file: CompileFile) -> None:
    text = newline.join(["Hello.", "", "-> nowhere", ""])
    [diag] = diagnostics_with(compile_file(story_dir({"story.ink": text.encode()})), "E012")
    assert diag.span.line == 3 and diag.excerpt == "-> nowhere"


def test_an_empty_file_compiles(story_dir: StoryDir, compile_file: CompileFile) -> None:
    assert compile_file(story_dir({"story.ink": b""})).json_text is not None


def test_a_folder_given_as_the_story_is_reported(tmp_path: Path, compile_file: CompileFile) -> None:
    assert [d.code for d in compile_file(tmp_path).diagnostics] == ["E007"]
