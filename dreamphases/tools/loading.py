"""Compiling a story for a tool that needs its graph (`map`, `stats`), with the exit status to use."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dreamphases.compiler import compile_path, render
from dreamphases.compiler.graph import StoryGraph
from dreamphases.tools.lint import plural

__all__ = ["LoadedGraph", "load_graph"]


@dataclass(slots=True)
class LoadedGraph:
    graph: StoryGraph | None
    #: 0 ok, 1 the story has errors, 2 no such file (the CLI's exit codes)
    status: int
    #: rendered errors to show the writer
    errors: list[str] = field(default_factory=list)


def load_graph(path: Path) -> LoadedGraph:
    if not path.is_file():
        return LoadedGraph(None, 2, [f"error: no such story file: {path}"])
    result = compile_path(path)
    errors = [render(d) for d in result.diagnostics if d.is_error]
    if errors or result.graph is None:
        note = f"{plural(len(errors), 'error')}; fix them and run again (`dreamphases check` lists them all)"
        return LoadedGraph(None, 1, [*errors, note])
    return LoadedGraph(result.graph, 0)
