"""The compiler's public entry points (temporary placeholder until the pipeline lands)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dreamphases.compiler.diagnostics import Diagnostic, Span
from dreamphases.compiler.graph import StoryGraph

__all__ = ["CompileResult", "compile_path", "compile_source"]


@dataclass(slots=True)
class CompileResult:
    """`json_text` is None when there were errors; `diagnostics` holds errors and warnings."""

    json_text: str | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    graph: StoryGraph | None = None

    @property
    def ok(self) -> bool:
        return self.json_text is not None


def compile_source(text: str, filename: str = "story.ink") -> CompileResult:
    return CompileResult(None, [Diagnostic("E001", "compiler not yet implemented", Span(filename, 1, 1))])


def compile_path(path: str | Path) -> CompileResult:
    return compile_source("", str(path))
