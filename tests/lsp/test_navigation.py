"""Go to definition, find references, the outline and workspace symbols, across INCLUDEd files.

Read-only: one server for the module.
"""

from __future__ import annotations

import pytest
from lsprotocol import types as T

from tests.lsp.support import Editor

pytestmark = pytest.mark.asyncio(loop_scope="module")


async def _definition(editor: Editor, name: str, needle: str, nth: int = 0, offset: int = 0) -> tuple[str, str]:
    """(file name, the text the definition's range covers) for the name at `needle`."""
    editor.open(name)
    result = await editor.client.text_document_definition_async(T.DefinitionParams(
        editor.doc(name), editor.position(name, needle, nth, offset)))
    assert isinstance(result, list) and len(result) == 1, result
    [loc] = result
    target = next(n for n in ("main.ink", "parts/hall.ink", "lib.ink") if editor.uri(n) == loc.uri)
    line = editor.text(target).split("\n")[loc.range.start.line]
    assert loc.range.start.line == loc.range.end.line
    return target, line[loc.range.start.character:loc.range.end.character]


@pytest.mark.parametrize(("name", "needle", "nth", "offset", "expected"), [
    pytest.param("main.ink", "-> hall", 0, 3, ("parts/hall.ink", "hall"), id="divert to a knot in another file"),
    pytest.param("parts/hall.ink", "hall.door", 0, 5, ("parts/hall.ink", "door"), id="divert to a stitch"),
    pytest.param("parts/hall.ink", "hall.door", 0, 1, ("parts/hall.ink", "hall"), id="the knot part of a path"),
    pytest.param("parts/hall.ink", "-> door", 0, 4, ("parts/hall.ink", "door"), id="a relative divert"),
    pytest.param("parts/hall.ink", "cellar", 0, 2, ("lib.ink", "cellar"), id="tunnel"),
    pytest.param("parts/hall.ink", "whisper", 0, 0, ("lib.ink", "whisper"), id="thread"),
    pytest.param("parts/hall.ink", "add(", 0, 0, ("lib.ink", "add"), id="function call"),
    pytest.param("parts/hall.ink", "courage", 1, 3, ("main.ink", "courage"), id="variable"),
    pytest.param("parts/hall.ink", "LIMIT", 0, 0, ("main.ink", "LIMIT"), id="constant"),
    pytest.param("parts/hall.ink", "calm", 0, 0, ("main.ink", "calm"), id="LIST item"),
    pytest.param("parts/hall.ink", "mood", 0, 0, ("main.ink", "mood"), id="LIST"),
    pytest.param("parts/hall.ink", "hall.wait", 0, 6, ("parts/hall.ink", "wait"), id="label knot.label"),
    pytest.param("lib.ink", "steps", 2, 0, ("lib.ink", "steps"), id="temporary"),
    pytest.param("lib.ink", "a + b", 0, 4, ("lib.ink", "b"), id="function parameter"),
])
async def test_go_to_definition(reader: Editor, name: str, needle: str, nth: int, offset: int,
                                expected: tuple[str, str]) -> None:
    assert await _definition(reader, name, needle, nth, offset) == expected


async def test_definition_of_a_knot_header_is_itself(reader: Editor) -> None:
    assert await _definition(reader, "lib.ink", "cellar") == ("lib.ink", "cellar")


async def test_no_definition_on_plain_text(reader: Editor) -> None:
    reader.open("lib.ink")
    result = await reader.client.text_document_definition_async(T.DefinitionParams(
        reader.doc("lib.ink"), reader.position("lib.ink", "cold")))
    assert not result


async def test_references_of_a_variable_span_every_file(reader: Editor) -> None:
    reader.open("parts/hall.ink")
    refs = await reader.client.text_document_references_async(T.ReferenceParams(
        text_document=reader.doc("parts/hall.ink"), position=reader.position("parts/hall.ink", "courage"),
        context=T.ReferenceContext(include_declaration=True)))
    assert refs is not None
    by_file = sorted((r.uri.rsplit("/", 1)[-1], r.range.start.line) for r in refs)
    assert by_file == [("hall.ink", 1), ("hall.ink", 5), ("hall.ink", 5), ("hall.ink", 9), ("main.ink", 4)]


async def test_references_of_a_stitch_include_paths_through_its_knot(reader: Editor) -> None:
    reader.open("parts/hall.ink")
    refs = await reader.client.text_document_references_async(T.ReferenceParams(
        text_document=reader.doc("parts/hall.ink"), position=reader.position("parts/hall.ink", "= door", offset=2),
        context=T.ReferenceContext(include_declaration=False)))
    assert refs is not None
    hall = reader.text("parts/hall.ink").split("\n")
    assert sorted(hall[r.range.start.line][r.range.start.character:r.range.end.character] for r in refs) == \
        ["door", "door"]


async def test_the_outline_nests_stitches_and_labels_in_knots(reader: Editor) -> None:
    reader.open("parts/hall.ink")
    symbols = await reader.client.text_document_document_symbol_async(T.DocumentSymbolParams(
        reader.doc("parts/hall.ink")))
    assert symbols is not None
    [hall] = symbols
    assert isinstance(hall, T.DocumentSymbol)
    assert hall.name == "hall" and hall.kind == T.SymbolKind.Class
    assert [(c.name, c.detail) for c in hall.children or []] == [("wait", "label"), ("door", "stitch")]
    assert hall.range.start.line == 0
    assert hall.range.end.line == reader.text("parts/hall.ink").rstrip("\n").count("\n")


async def test_the_outline_of_the_main_file_lists_its_declarations(reader: Editor) -> None:
    reader.open("main.ink")
    symbols = await reader.client.text_document_document_symbol_async(T.DocumentSymbolParams(reader.doc("main.ink")))
    assert symbols is not None
    assert [(s.name, s.kind) for s in symbols] == [
        ("courage", T.SymbolKind.Variable), ("LIMIT", T.SymbolKind.Constant), ("mood", T.SymbolKind.Enum)]


async def test_workspace_symbols_find_knots_in_every_file(reader: Editor) -> None:
    reader.open("main.ink")
    found = await reader.client.workspace_symbol_async(T.WorkspaceSymbolParams(query="cel"))
    assert found is not None
    names = {(s.name, s.location.uri.rsplit("/", 1)[-1]) for s in found}
    assert ("cellar", "lib.ink") in names
