"""The language server: LSP messages in, answers from the compiled story out (pygls 2 + lsprotocol).

Only this module knows the protocol. Edits mark a story dirty; a per-story task compiles the first
edit after a pause at once and coalesces a burst of edits into one compile when typing pauses
(`debounce`), in a worker thread from the open buffers (re-parsing only the files that changed);
it publishes diagnostics for every file of the story (empty lists clear what was fixed), then
indexes the names. Requests
answer from the latest index, waiting first for a compile that is due, so an answer never describes
text older than the request. A failing request returns an error to the client; the server carries on.
"""

from __future__ import annotations

import asyncio
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types as T
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from dreamphases.compiler.diagnostics import Diagnostic, Severity
from dreamphases.lsp.completion import complete
from dreamphases.lsp.exploring import Hint, explore_hints
from dreamphases.lsp.hover import hover_text
from dreamphases.lsp.outline import OutlineItem, outline, search
from dreamphases.lsp.rename import RenameRefused, rename_places
from dreamphases.lsp.stories import Compiled, Stories
from dreamphases.lsp.symbols import Key, Place, SymbolIndex

__all__ = ["InkServer", "serve"]

#: seconds of quiet that end a burst of typing (clients may override: initializationOptions.debounce_ms)
DEBOUNCE = 0.03
#: longest a request waits for a due compile before answering from the previous one
WAIT_FOR_COMPILE = 5.0

_SEVERITY = {Severity.ERROR: T.DiagnosticSeverity.Error, Severity.WARNING: T.DiagnosticSeverity.Warning,
             Severity.INFO: T.DiagnosticSeverity.Information}
_PLACE_IN_MESSAGE = re.compile(r"([\w./\\-]+\.ink):(\d+)")
_SUGGESTION = re.compile(r"did you mean '([^']+)'\?")
_NAME_CHARS = re.compile(r"[\w.]+")


@dataclass(slots=True)
class _Story:
    """One story's compile state: dirty until its latest edits are compiled and indexed."""

    dirty: bool = False
    changed_at: float = 0.0
    task: asyncio.Task[None] | None = None
    compiled: Compiled | None = None
    index: SymbolIndex | None = None
    current: asyncio.Event = field(default_factory=asyncio.Event)
    #: files we published diagnostics for, so fixed or removed files get an empty list
    published: set[Path] = field(default_factory=set)
    #: the last exploration's hints (`dreamphases.explore`), shown until the next edit
    hints: list[Hint] = field(default_factory=list)


class InkServer(LanguageServer):
    def __init__(self) -> None:
        from dreamphases import __version__

        super().__init__("dreamphases", __version__, text_document_sync_kind=T.TextDocumentSyncKind.Incremental)
        self.stories = Stories()
        self.states: dict[Path, _Story] = {}
        self.debounce = DEBOUNCE

    # -- paths and positions -------------------------------------------------------------------------
    @staticmethod
    def is_file(uri: str) -> bool:
        """Only files on disk belong to a story; an editor's `untitled:` buffers are not compiled."""
        return uri.startswith("file:")

    @staticmethod
    def path(uri: str) -> Path:
        fs = to_fs_path(uri)
        if fs is None:
            raise ValueError(f"not a file URI: {uri}")
        return Path(fs).resolve()

    @staticmethod
    def uri(path: Path) -> str:
        return from_fs_path(str(path)) or path.as_uri()

    def lsp_range(self, story: Compiled, place: Place) -> T.Range:
        lines = story.lines.get(place.file, [])
        line, col = place.line - 1, place.col - 1
        rng = T.Range(T.Position(line, col), T.Position(line, col + place.length))
        return self.workspace.position_codec.range_to_client_units(lines, rng)

    def location(self, story: Compiled, place: Place) -> T.Location:
        return T.Location(uri=self.uri(place.file), range=self.lsp_range(story, place))

    def cursor(self, story: Compiled, path: Path, pos: T.Position) -> tuple[int, int]:
        """1-based (line, column in characters) of an LSP position in `path` as compiled."""
        lines = story.lines.get(path, [])
        p = self.workspace.position_codec.position_from_client_units(lines, pos)
        return p.line + 1, p.character + 1

    # -- compiling -----------------------------------------------------------------------------------
    def touched(self, path: Path) -> None:
        """An edit, open or save of `path`: compile its story once typing pauses."""
        main = self.stories.main_for(path)
        state = self.states.setdefault(main, _Story())
        state.dirty = True
        state.hints = []  # they describe text that is gone
        state.current.clear()
        now = asyncio.get_running_loop().time()
        # the first edit after a pause compiles at once (leading edge); edits that follow it within
        # the debounce wait until typing pauses, and are compiled together (trailing edge)
        leading = now - state.changed_at >= self.debounce
        state.changed_at = now
        if state.task is None or state.task.done():
            state.task = asyncio.create_task(self._compile_when_quiet(main, state, leading))

    async def _compile_when_quiet(self, main: Path, state: _Story, leading: bool) -> None:
        loop = asyncio.get_running_loop()
        while state.dirty:
            quiet = state.changed_at + self.debounce - loop.time()
            if quiet > 0 and not leading:
                await asyncio.sleep(quiet)
                continue
            state.dirty = False
            leading = False
            try:
                compiled, wall, cpu = await asyncio.to_thread(self._timed_compile, main)
                self.publish(compiled, state)
                took = f"compiled {main.name}: {wall * 1000:.1f} ms, {cpu * 1000:.1f} ms CPU"
                self.window_log_message(T.LogMessageParams(type=T.MessageType.Log, message=took))
                state.compiled = compiled
                state.index = await asyncio.to_thread(SymbolIndex.build, compiled)
            except Exception as exc:  # noqa: BLE001 - a bug must not stop the server; say so and go on
                self.window_log_message(T.LogMessageParams(type=T.MessageType.Error, message=f"dreamphases: {exc!r}"))
        state.current.set()

    def _timed_compile(self, main: Path) -> tuple[Compiled, float, float]:
        """Compile in this (worker) thread; also the wall and CPU time it took (the log shows them)."""
        wall, cpu = time.perf_counter(), time.thread_time()
        compiled = self.stories.compile(main)
        return compiled, time.perf_counter() - wall, time.thread_time() - cpu

    async def name_at(self, uri: str, pos: T.Position
                      ) -> tuple[Compiled, SymbolIndex, tuple[Place, Key] | None] | None:
        """The story, its index and the name under the cursor (None when the story has no analysis).

        Every request about "the name here" (definition, references, hover, rename) starts the same way.
        """
        path = self.path(uri)
        found = await self.analysis(path)
        if found is None:
            return None
        story, index = found
        return story, index, index.at(path, *self.cursor(story, path, pos))

    async def analysis(self, path: Path) -> tuple[Compiled, SymbolIndex] | None:
        """The latest compile and index of the story `path` belongs to (compiling it if never compiled)."""
        main = self.stories.main_for(path)
        state = self.states.get(main)
        if state is None or (state.compiled is None and not state.dirty):
            self.touched(path)
            state = self.states[main]
        if not state.current.is_set():  # edits not yet compiled and indexed
            try:
                await asyncio.wait_for(state.current.wait(), WAIT_FOR_COMPILE)
            except asyncio.TimeoutError:
                pass
        if state.compiled is None or state.index is None:
            return None
        return state.compiled, state.index

    async def explore(self, path: Path) -> str:
        """Run a short exploration of the story `path` belongs to; its hints join the diagnostics."""
        from dreamphases.compiler import compile_path

        found = await self.analysis(path)
        if found is None or found[0].graph is None:
            return "nothing to explore: the story did not compile"
        story = found[0]
        main = story.main
        state = self.states[main]
        compiled = await asyncio.to_thread(compile_path, main, dict(self.stories.buffers))
        if compiled.json_text is None or compiled.graph is None:
            return "fix the story's errors first: only a story that compiles can be played"
        hints, summary = await asyncio.to_thread(explore_hints, compiled.json_text, compiled.graph)
        if state.current.is_set() and state.compiled is story:  # no edit since: the hints still apply
            state.hints = hints
            self.publish(story, state)
        return summary

    def publish(self, story: Compiled, state: _Story) -> None:
        by_file: dict[Path, list[T.Diagnostic]] = {p: [] for p in story.files}
        root = str(story.main.parent) + os.sep
        for diag in story.diagnostics:
            path = Path(diag.span.file).resolve()
            by_file.setdefault(path, []).append(self.lsp_diagnostic(story, path, diag, root))
        for hint in state.hints:
            path = story.path_of(hint.file)
            place = Place(path, hint.line, 1, len(story.line(path, hint.line).rstrip()))
            by_file.setdefault(path, []).append(T.Diagnostic(
                range=self.lsp_range(story, place), message=hint.message, severity=T.DiagnosticSeverity.Hint,
                source="dreamphases explore"))
        for gone in state.published - set(by_file):
            by_file[gone] = []
        for path, diags in by_file.items():
            self.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=self.uri(path), diagnostics=diags))
        state.published = {p for p, d in by_file.items() if d}  | set(story.files)

    def lsp_diagnostic(self, story: Compiled, path: Path, diag: Diagnostic, root: str) -> T.Diagnostic:
        line = story.line(path, diag.span.line)
        start = max(diag.span.col - 1, 0)
        m = _NAME_CHARS.match(line, start)
        # a name at the column is what is wrong; otherwise the rest of the line is
        end = m.end() if m else max(len(line.rstrip()), start)
        place = Place(path, diag.span.line, start + 1, max(end - start, 0))
        message = diag.message.replace(root, "")
        if diag.hint:
            message += f"\nhint: {diag.hint.replace(root, '')}"
        related = []
        for m2 in _PLACE_IN_MESSAGE.finditer(diag.message):
            target = story.path_of(m2.group(1)) if not os.path.isabs(m2.group(1)) else Path(m2.group(1))
            line_no = int(m2.group(2)) - 1
            at = T.Range(T.Position(line_no, 0), T.Position(line_no, 0))
            related.append(T.DiagnosticRelatedInformation(
                location=T.Location(uri=self.uri(target), range=at), message=m2.group(0).replace(root, "")))
        data: dict[str, Any] | None = None
        suggestion = _SUGGESTION.search(diag.hint or "")
        if suggestion:
            data = {"replacement": suggestion.group(1)}
        return T.Diagnostic(
            range=self.lsp_range(story, place), message=message, severity=_SEVERITY[diag.severity],
            code=diag.code_id, source="dreamphases", related_information=related or None, data=data)


server = InkServer()


@server.feature(T.INITIALIZE)
def _initialize(ls: InkServer, params: T.InitializeParams) -> None:
    roots = [ls.path(f.uri) for f in params.workspace_folders or []]
    if not roots and params.root_uri:
        roots = [ls.path(params.root_uri)]
    ls.stories.roots = roots
    options = params.initialization_options
    if isinstance(options, dict) and isinstance(options.get("debounce_ms"), (int, float)):
        ls.debounce = max(0.0, float(options["debounce_ms"]) / 1000)


@server.feature(T.TEXT_DOCUMENT_DID_OPEN)
def _did_open(ls: InkServer, params: T.DidOpenTextDocumentParams) -> None:
    if not ls.is_file(params.text_document.uri):
        return
    path = ls.path(params.text_document.uri)
    ls.stories.buffers[path] = params.text_document.text
    ls.touched(path)


@server.feature(T.TEXT_DOCUMENT_DID_CHANGE)
def _did_change(ls: InkServer, params: T.DidChangeTextDocumentParams) -> None:
    if not ls.is_file(params.text_document.uri):
        return
    path = ls.path(params.text_document.uri)
    ls.stories.buffers[path] = ls.workspace.get_text_document(params.text_document.uri).source
    ls.touched(path)


@server.feature(T.TEXT_DOCUMENT_DID_SAVE)
def _did_save(ls: InkServer, params: T.DidSaveTextDocumentParams) -> None:
    if not ls.is_file(params.text_document.uri):
        return
    ls.touched(ls.path(params.text_document.uri))


@server.feature(T.TEXT_DOCUMENT_DID_CLOSE)
def _did_close(ls: InkServer, params: T.DidCloseTextDocumentParams) -> None:
    if not ls.is_file(params.text_document.uri):
        return
    path = ls.path(params.text_document.uri)
    ls.stories.buffers.pop(path, None)  # the file on disk counts again
    ls.touched(path)


@server.feature(T.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def _files_changed(ls: InkServer, params: T.DidChangeWatchedFilesParams) -> None:
    for change in params.changes:
        if not ls.is_file(change.uri):
            continue
        path = ls.path(change.uri)
        for main, story in list(ls.stories.compiled.items()):
            if path in story.files or path.parent == main.parent:
                ls.touched(main)


@server.feature(T.TEXT_DOCUMENT_DEFINITION)
async def _definition(ls: InkServer, params: T.DefinitionParams) -> list[T.Location] | None:
    found = await ls.name_at(params.text_document.uri, params.position)
    if found is None:
        return None
    story, index, hit = found
    if hit is None:
        return None
    symbol = index.symbols.get(hit[1])
    if symbol is None or symbol.definition is None:
        return None
    return [ls.location(story, symbol.definition)]


@server.feature(T.TEXT_DOCUMENT_REFERENCES)
async def _references(ls: InkServer, params: T.ReferenceParams) -> list[T.Location] | None:
    found = await ls.name_at(params.text_document.uri, params.position)
    if found is None:
        return None
    story, index, hit = found
    if hit is None:
        return None
    places = index.references(hit[1], params.context.include_declaration)
    return [ls.location(story, p) for p in places]


def _document_symbol(ls: InkServer, story: Compiled, item: OutlineItem) -> T.DocumentSymbol:
    kind = {"knot": T.SymbolKind.Class, "stitch": T.SymbolKind.Method, "function": T.SymbolKind.Function,
            "label": T.SymbolKind.Key, "VAR": T.SymbolKind.Variable, "CONST": T.SymbolKind.Constant,
            "LIST": T.SymbolKind.Enum}.get(item.what, T.SymbolKind.Object)
    lines = story.lines.get(item.name_at.file, [])
    last = lines[item.last_line - 1] if 0 < item.last_line <= len(lines) else ""
    whole = ls.workspace.position_codec.range_to_client_units(
        lines, T.Range(T.Position(item.first_line - 1, 0), T.Position(item.last_line - 1, len(last))))
    name = ls.lsp_range(story, item.name_at)
    if not (whole.start.line <= name.start.line <= whole.end.line):
        whole = name
    return T.DocumentSymbol(name=item.name, kind=kind, range=whole, selection_range=name, detail=item.what,
                            children=[_document_symbol(ls, story, c) for c in item.children])


@server.feature(T.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
async def _document_symbols(ls: InkServer, params: T.DocumentSymbolParams) -> list[T.DocumentSymbol]:
    path = ls.path(params.text_document.uri)
    found = await ls.analysis(path)
    if found is None:
        return []
    story, index = found
    return [_document_symbol(ls, story, item) for item in outline(story, index, path)]


@server.feature(T.WORKSPACE_SYMBOL)
async def _workspace_symbols(ls: InkServer, params: T.WorkspaceSymbolParams) -> list[T.SymbolInformation]:
    for path in list(ls.stories.buffers):
        await ls.analysis(path)
    ready = [(s.compiled, s.index) for s in ls.states.values() if s.compiled is not None and s.index is not None]
    out = []
    kinds = {"knot": T.SymbolKind.Class, "stitch": T.SymbolKind.Method, "function": T.SymbolKind.Function,
             "label": T.SymbolKind.Key, "VAR": T.SymbolKind.Variable, "CONST": T.SymbolKind.Constant,
             "LIST": T.SymbolKind.Enum}
    for story, index in ready:
        for name, what, place in search([index], params.query):
            out.append(T.SymbolInformation(name=name, kind=kinds.get(what, T.SymbolKind.EnumMember),
                                           location=ls.location(story, place), container_name=what))
    return out


_COMPLETION_KIND = {
    "knot": T.CompletionItemKind.Module, "stitch": T.CompletionItemKind.Method, "label": T.CompletionItemKind.Reference,
    "function": T.CompletionItemKind.Function, "built-in": T.CompletionItemKind.Function,
    "VAR": T.CompletionItemKind.Variable, "CONST": T.CompletionItemKind.Constant, "LIST": T.CompletionItemKind.Enum,
    "list item": T.CompletionItemKind.EnumMember, "temp": T.CompletionItemKind.Variable,
    "parameter": T.CompletionItemKind.Variable, "tag": T.CompletionItemKind.Keyword,
    "end": T.CompletionItemKind.Keyword,
}


@server.feature(T.TEXT_DOCUMENT_HOVER)
async def _hover(ls: InkServer, params: T.HoverParams) -> T.Hover | None:
    found = await ls.name_at(params.text_document.uri, params.position)
    if found is None:
        return None
    story, index, hit = found
    if hit is None:
        return None
    text = hover_text(story, index, hit[1])
    if text is None:
        return None
    return T.Hover(contents=T.MarkupContent(kind=T.MarkupKind.Markdown, value=text),
                   range=ls.lsp_range(story, hit[0]))


@server.feature(T.TEXT_DOCUMENT_COMPLETION, T.CompletionOptions(trigger_characters=[">", "-", ".", "{", "#", "~"]))
async def _completion(ls: InkServer, params: T.CompletionParams) -> T.CompletionList:
    path = ls.path(params.text_document.uri)
    found = await ls.analysis(path)
    if found is None:
        return T.CompletionList(is_incomplete=False, items=[])
    story, index = found
    document = ls.workspace.get_text_document(params.text_document.uri)
    lines = document.lines
    row = lines[params.position.line] if params.position.line < len(lines) else ""
    at = ls.workspace.position_codec.position_from_client_units(lines, params.position)
    items = complete(story, index, path, at.line + 1, row[:at.character])
    return T.CompletionList(is_incomplete=False, items=[
        T.CompletionItem(label=i.label, kind=_COMPLETION_KIND.get(i.what, T.CompletionItemKind.Text),
                         detail=f"{i.what} · {i.detail}" if i.detail else i.what) for i in items])


@server.feature(T.TEXT_DOCUMENT_PREPARE_RENAME)
async def _prepare_rename(ls: InkServer, params: T.PrepareRenameParams) -> T.Range | None:
    found = await ls.name_at(params.text_document.uri, params.position)
    if found is None:
        return None
    story, index, hit = found
    if hit is None or (hit[1].kind == "node" and story.graph is not None and hit[1].target not in story.graph.nodes):
        return None
    return ls.lsp_range(story, hit[0])


@server.feature(T.TEXT_DOCUMENT_RENAME)
async def _rename(ls: InkServer, params: T.RenameParams) -> T.WorkspaceEdit | None:
    found = await ls.name_at(params.text_document.uri, params.position)
    if found is None or found[0].graph is None:
        return None
    story, index, hit = found
    assert story.graph is not None
    if hit is None:
        raise ValueError("nothing to rename here: put the cursor on a knot, stitch, label, function or variable")
    try:
        places = rename_places(story.graph, index, hit[1], params.new_name)
    except RenameRefused as exc:
        raise ValueError(f"cannot rename: {exc}") from None
    return T.WorkspaceEdit(changes={
        ls.uri(file): [T.TextEdit(range=ls.lsp_range(story, p), new_text=params.new_name) for p in rows]
        for file, rows in places.items()})


@server.feature(T.TEXT_DOCUMENT_CODE_ACTION,
                T.CodeActionOptions(code_action_kinds=[T.CodeActionKind.QuickFix]))
def _code_actions(ls: InkServer, params: T.CodeActionParams) -> list[T.CodeAction]:
    actions = []
    for diag in params.context.diagnostics:
        data = diag.data if isinstance(diag.data, dict) else {}
        replacement = data.get("replacement")
        if not isinstance(replacement, str):
            continue
        edit = T.WorkspaceEdit(changes={params.text_document.uri: [T.TextEdit(range=diag.range, new_text=replacement)]})
        actions.append(T.CodeAction(title=f"Change to '{replacement}'", kind=T.CodeActionKind.QuickFix,
                                    diagnostics=[diag], edit=edit, is_preferred=True))
    return actions


@server.command("dreamphases.explore")
async def _explore(ls: InkServer, *args: Any) -> str:
    """State on demand: `workspace/executeCommand` with the document's URI."""
    uri = args[0] if args else None
    if not isinstance(uri, str):
        raise ValueError("dreamphases.explore takes the URI of a file of the story")
    return await ls.explore(ls.path(uri))


def serve() -> int:
    """Run the server on stdin/stdout until the client says exit."""
    server.start_io()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(serve())
