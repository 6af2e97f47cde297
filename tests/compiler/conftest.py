"""Shared helpers for the compiler specifications: compile a tiny story, pick out one diagnostic."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dreamphases.compiler import CompileResult, Diagnostic, compile_path, compile_source

#: `../shared` beside the repository root; tests that use it skip when it is absent.
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def diagnostics_with(result: CompileResult, code: str) -> list[Diagnostic]:
    return [d for d in result.diagnostics if d.code == code]


def no_internal_error(result: CompileResult) -> None:
    """E000 means the compiler itself failed: always a bug, never an acceptable answer."""
    crashes = diagnostics_with(result, "E000")
    assert not crashes, crashes[0].message


@pytest.fixture
def compile_text() -> Callable[[str], CompileResult]:
    def run(text: str) -> CompileResult:
        result = compile_source(text, "story.ink")
        no_internal_error(result)
        return result

    return run


@pytest.fixture
def story_dir(tmp_path: Path) -> Callable[[dict[str, str | bytes]], Path]:
    """Write a story folder (`{relative path: text or bytes}`) and return the main file's path."""

    def make(files: dict[str, str | bytes]) -> Path:
        main: Path | None = None
        for rel, content in files.items():
            path = tmp_path / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
            main = main or path
        assert main is not None
        return main

    return make


@pytest.fixture
def compile_file() -> Callable[[Path], CompileResult]:
    def run(path: Path) -> CompileResult:
        result = compile_path(path)
        no_internal_error(result)
        return result

    return run
