"""The compiler's public entry points: run the pipeline, never raise on bad input."""

from __future__ import annotations

import gc
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from dreamphases.compiler.diagnostics import Diagnostic, Reporter, Span, has_errors
from dreamphases.compiler.source import SourceSet, read_sources

if TYPE_CHECKING:
    from dreamphases.compiler.graph import StoryGraph
    from dreamphases.compiler.parser import ParseCache

__all__ = ["CompileResult", "compile_path", "compile_source", "compile_sources"]


@dataclass(slots=True)
class CompileResult:
    """`json_text` is None when there were errors; `diagnostics` holds errors and warnings; `graph` is
    None when not asked for (or nothing could be read)."""

    json_text: str | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    graph: StoryGraph | None = None
    #: the source files read, main file first, named as `Span.file` names them (the graph's `files`)
    files: list[str] = field(default_factory=list)


def _run(sources: SourceSet, cache: ParseCache | None = None, emit_json: bool = True,
         graph: bool = True) -> CompileResult:
    """The pipeline: read → parse → weave → resolve → emit, each stage's output the next one's input."""
    from dreamphases.compiler.emit import emit
    from dreamphases.compiler.loadable import check_loadable
    from dreamphases.compiler.parser import parse
    from dreamphases.compiler.resolve import resolve
    from dreamphases.compiler.weave import weave

    diags = list(sources.diagnostics)
    if not sources.files:
        return CompileResult(None, diags)
    lines = {name: f.raw_lines for name, f in sources.files.items()}
    story, parse_diags = parse(sources, cache)
    diags.extend(parse_diags)
    resolved, built, resolve_diags = resolve(weave(story), lines, diags, graph)
    diags.extend(resolve_diags)
    files = list(sources.files)
    story_graph = built.graph if built is not None else None
    if has_errors(diags) or not emit_json:
        return CompileResult(None, _ordered(diags), story_graph, files)
    emitted = emit(resolved)
    rep = Reporter(lines)
    woven = resolved.woven
    if not check_loadable(emitted.json_depth, [(f, woven.weave_of(f)) for f in woven.flows()], rep):
        return CompileResult(None, _ordered(diags + rep.diags), story_graph, files)
    if built is not None:
        # where each conditional branch ended up in the JSON, for tools that ask the runtime about it
        for branch, key in zip(built.graph.branches, built.branch_keys, strict=True):
            branch.runtime_path = emitted.branch_paths.get(key, "")
        # and where each choice leads: the explorer's identity of a choice, whatever text it shows
        for choice, key in zip(built.graph.choices, built.choice_keys, strict=True):
            choice.runtime_path = emitted.choice_paths.get(key, "")
    return CompileResult(emitted.json_text, _ordered(diags), story_graph, files)


def _ordered(diags: list[Diagnostic]) -> list[Diagnostic]:
    seen: set[tuple[str, str, int, int, str]] = set()
    out = []
    for d in diags:
        key = (d.code, d.span.file, d.span.line, d.span.col, d.message)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


def compile_source(text: str, filename: str = "story.ink") -> CompileResult:
    """Compile ink given as text (INCLUDEs resolve against the current folder)."""
    return _guard(lambda: _run(read_sources(None, text, filename)), filename)


def compile_path(path: str | Path, overlay: Mapping[Path, str] | None = None, *,
                 parse_cache: ParseCache | None = None, emit_json: bool = True,
                 graph: bool = True) -> CompileResult:
    """Compile the story whose main file is `path`.

    For editors, which compile the same story again and again: `overlay` (absolute resolved path →
    text) replaces files on disk with unsaved buffers; `parse_cache` reuses the parse of files whose
    text did not change; `emit_json=False` stops once diagnostics and the graph are known (no JSON,
    and the graph's branches get no runtime paths). `graph=False` (the `compile` command): the JSON
    and the diagnostics only, the same as with the graph, sooner.
    """
    p = Path(path)
    return _guard(lambda: _run(read_sources(p, overlay=overlay), parse_cache, emit_json, graph), p.name)


def compile_sources(sources: SourceSet) -> CompileResult:
    """Compile sources already read (`read_sources`): the story loader hashes them first, for its cache."""
    return _guard(lambda: _run(sources), sources.main)


def _guard(fn, filename: str) -> CompileResult:  # type: ignore[no-untyped-def]
    """No input may crash the compiler: an internal failure becomes a diagnostic, not a traceback."""
    # The compiler allocates hundreds of thousands of short-lived nodes that refcounting frees; the
    # cyclic collector would rescan them all again and again (about a third of the compile time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return fn()  # type: ignore[no-any-return]
    except RecursionError:
        return CompileResult(None, [Diagnostic("E021", "the story is nested too deeply to compile",
                                               Span(filename, 1, 1))])
    except Exception as exc:  # noqa: BLE001 - last line of defence, reported as a compiler bug
        return CompileResult(None, [Diagnostic(
            "E000", f"internal compiler error: {type(exc).__name__}: {exc}", Span(filename, 1, 1),
            "this is a bug in DreamPhases; please report it with the story that triggered it")])
    finally:
        if collecting:
            gc.enable()
