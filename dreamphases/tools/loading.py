"""Compiling a story for a tool that needs its graph (`map`, `stats`), with the exit status to use."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dreamphases.compiler.graph import StoryGraph
from dreamphases.loader import StoryProblem, load_story
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
    try:
        loaded = load_story(path)
    except StoryProblem as exc:
        if exc.status != 1:
            return LoadedGraph(None, exc.status, [f"error: {exc.message}"])
        note = f"{plural(len(exc.diagnostics), 'error')}; fix them and run again (`dreamphases check` lists them all)"
        return LoadedGraph(None, 1, [*exc.diagnostics, note])
    if loaded.graph is None:
        return LoadedGraph(None, 2, [f"error: {path} is compiled JSON; give the .ink source for its graph"])
    return LoadedGraph(loaded.graph, 0)
