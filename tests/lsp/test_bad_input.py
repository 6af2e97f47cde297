"""Bad input: the server reports it clearly, never hangs, and one bad request never kills it."""

from __future__ import annotations

import asyncio

import pytest
from lsprotocol import types as T

from tests.lsp.support import Editor

pytestmark = pytest.mark.asyncio

#: no case may take longer than this (a hang fails the test instead of stalling the suite)
LIMIT = 60.0


async def _still_answers(editor: Editor) -> None:
    """The server is alive and right: a definition on the good story still lands on its knot."""
    editor.open("parts/hall.ink")
    result = await asyncio.wait_for(editor.client.text_document_definition_async(T.DefinitionParams(
        text_document=editor.doc("parts/hall.ink"), position=editor.position("parts/hall.ink", "cellar"))), LIMIT)
    assert isinstance(result, list) and result[0].uri == editor.uri("lib.ink")


async def test_a_binary_file_is_reported_not_compiled(editor: Editor) -> None:
    (editor.root / "blob.ink").write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    editor.open("blob.ink", text="\x00\x01\x02PNG\x00" * 100)
    await asyncio.wait_for(editor.settle("blob.ink"), LIMIT)
    [diag] = editor.diagnostics("blob.ink")
    assert diag.code == "E007" and "not a text file" in diag.message
    await _still_answers(editor)


async def test_a_buffer_full_of_syntax_errors_gets_diagnostics_in_time(editor: Editor) -> None:
    garbage = "\n".join(["{{{ -> -> == (( ~ temp = = ]] *(", "== == ==", "~ ~ ~ {x:", "-> ->-> <- {", "}}}|||"] * 400)
    editor.open("lib.ink")
    editor.replace("lib.ink", garbage)
    await asyncio.wait_for(editor.settle("lib.ink"), LIMIT)
    diags = editor.diagnostics("lib.ink")
    assert diags and all(d.severity is not None for d in diags)
    assert all(d.code for d in diags) and any(d.severity == T.DiagnosticSeverity.Error for d in diags)
    symbols = await editor.client.text_document_document_symbol_async(T.DocumentSymbolParams(editor.doc("lib.ink")))
    assert symbols is not None  # the outline still answers on a broken file


async def test_an_include_cycle_is_reported_not_followed(editor: Editor) -> None:
    (editor.root / "a.ink").write_text("INCLUDE b.ink\nA.\n-> END\n", encoding="utf-8")
    (editor.root / "b.ink").write_text("INCLUDE a.ink\n== b ==\nB.\n-> END\n", encoding="utf-8")
    editor.open("a.ink")
    await asyncio.wait_for(editor.settle("a.ink"), LIMIT)
    cycle = [d for d in editor.diagnostics("b.ink") + editor.diagnostics("a.ink") if d.code == "E006"]
    assert cycle and "INCLUDE cycle" in cycle[0].message
    await _still_answers(editor)


async def test_a_deleted_include_target_is_reported_on_the_include_line(editor: Editor) -> None:
    editor.open("main.ink")
    await editor.settle("main.ink")
    (editor.root / "lib.ink").unlink()
    editor.client.workspace_did_change_watched_files(T.DidChangeWatchedFilesParams(
        changes=[T.FileEvent(uri=editor.uri("lib.ink"), type=T.FileChangeType.Deleted)]))
    await asyncio.wait_for(editor.settle("main.ink"), LIMIT)
    [missing] = [d for d in editor.diagnostics("main.ink") if d.code == "E004"]
    assert missing.range.start.line == 3 and "lib.ink" in missing.message
    assert editor.diagnostics("lib.ink") == []  # the deleted file's own list is cleared


async def test_a_10_mb_file_is_refused_quickly(editor: Editor) -> None:
    huge = ("The corridor goes on and on, and so does this line of prose. " * 20 + "\n") * 8700
    assert len(huge.encode()) > 10 * 1024 * 1024
    editor.open("main.ink")
    editor.replace("main.ink", huge)
    await asyncio.wait_for(editor.settle("main.ink"), LIMIT)
    [diag] = [d for d in editor.diagnostics("main.ink") if d.code == "E007"]
    assert "too large" in diag.message
    editor.replace("main.ink", editor.text("main.ink"), version=3)
    await asyncio.wait_for(editor.settle("main.ink"), LIMIT)
    assert editor.diagnostics("main.ink") == []
    await _still_answers(editor)


async def test_bad_requests_get_errors_and_the_server_carries_on(editor: Editor) -> None:
    client = editor.client
    editor.open("lib.ink")
    far = T.Position(line=99_999, character=5)
    bad_requests = [
        client.text_document_definition_async(T.DefinitionParams(
            text_document=T.TextDocumentIdentifier(uri="untitled:Untitled-1"), position=far)),
        client.text_document_hover_async(T.HoverParams(text_document=editor.doc("lib.ink"), position=far)),
        client.text_document_definition_async(T.DefinitionParams(
            text_document=T.TextDocumentIdentifier(uri=editor.uri("nowhere/missing.ink")),
            position=T.Position(line=0, character=0))),
        client.text_document_rename_async(T.RenameParams(
            text_document=editor.doc("lib.ink"), position=editor.position("lib.ink", "cellar"), new_name="a b")),
        client.text_document_rename_async(T.RenameParams(
            text_document=editor.doc("lib.ink"), position=editor.position("lib.ink", "cold"), new_name="warm")),
        client.workspace_execute_command_async(T.ExecuteCommandParams(command="dreamphases.explore", arguments=[])),
        client.workspace_execute_command_async(T.ExecuteCommandParams(command="dreamphases.explore",
                                                                      arguments=[42, {"x": 1}])),
        client.text_document_completion_async(T.CompletionParams(text_document=editor.doc("lib.ink"), position=far)),
    ]
    for request in bad_requests:
        try:
            await asyncio.wait_for(request, LIMIT)
        except asyncio.TimeoutError:
            raise
        except Exception:  # noqa: BLE001 - an error answer is the right answer; a dead server is not
            pass
    await _still_answers(editor)


async def test_an_untitled_buffer_is_left_alone(editor: Editor) -> None:
    editor.client.text_document_did_open(T.DidOpenTextDocumentParams(T.TextDocumentItem(
        uri="untitled:Untitled-1", language_id="ink", version=1, text="-> nowhere\n")))
    await _still_answers(editor)
    assert not editor.client.messages  # no "Error in server" for a buffer that is not a file yet
