"""Shared helpers for the compiler specifications: compile a tiny story, pick out one diagnostic."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dreamphases.compiler import CompileResult, compile_path, compile_source
from tests.compiler.support import no_internal_error


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
