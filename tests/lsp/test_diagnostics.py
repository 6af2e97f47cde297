"""Diagnostics: compiler and lint findings for the editor's buffers, per file, cleared when fixed."""

from __future__ import annotations

import pytest
from lsprotocol import types as T

from tests.lsp.support import Editor

pytestmark = pytest.mark.asyncio

BROKEN_HALL_LINE = "* [Open the door] -> hall.door"


async def test_a_clean_story_publishes_empty_lists_for_every_file(editor: Editor) -> None:
    editor.open("main.ink")
    await editor.settle("main.ink")
    for name in ("main.ink", "parts/hall.ink", "lib.ink"):
        assert editor.uri(name) in editor.client.diagnostics
        assert editor.diagnostics(name) == []


async def test_an_unsaved_error_in_an_included_file_is_reported_there(editor: Editor) -> None:
    editor.open("parts/hall.ink")
    hall = editor.text("parts/hall.ink").replace("-> hall.door", "-> hall.dor")
    editor.replace("parts/hall.ink", hall)
    await editor.settle("parts/hall.ink")
    [diag] = editor.diagnostics("parts/hall.ink")
    assert diag.code == "E012" and diag.severity == T.DiagnosticSeverity.Error
    assert "hall.dor" in diag.message and "did you mean 'hall.door'?" in diag.message
    line = hall.split("\n")[diag.range.start.line]
    assert line[diag.range.start.character:diag.range.end.character] == "hall.dor"
    assert editor.diagnostics("main.ink") == []


async def test_a_fixed_error_is_cleared(editor: Editor) -> None:
    editor.open("parts/hall.ink")
    editor.replace("parts/hall.ink", editor.text("parts/hall.ink").replace("-> hall.door", "-> nowhere"))
    await editor.settle("parts/hall.ink")
    assert [d.code for d in editor.diagnostics("parts/hall.ink")] == ["E012"]
    editor.replace("parts/hall.ink", editor.text("parts/hall.ink"), version=3)
    await editor.settle("parts/hall.ink")
    assert editor.diagnostics("parts/hall.ink") == []


async def test_lint_findings_come_with_their_codes_and_severity(editor: Editor) -> None:
    editor.open("lib.ink")
    text = editor.text("lib.ink") + "\n== attic ==\nDust.\n-> END\n"
    editor.replace("lib.ink", text)
    await editor.settle("lib.ink")
    [diag] = [d for d in editor.diagnostics("lib.ink") if d.code == "L001"]
    assert diag.severity == T.DiagnosticSeverity.Warning
    assert "attic" in diag.message
    assert diag.range.start.line == text.split("\n").index("== attic ==")
    assert (diag.range.start.character, diag.range.end.character) == (0, len("== attic =="))


async def test_a_duplicate_knot_points_at_the_first_definition(editor: Editor) -> None:
    editor.open("lib.ink")
    editor.replace("lib.ink", editor.text("lib.ink") + "\n== hall ==\nAgain.\n-> END\n")
    await editor.settle("lib.ink")
    [diag] = [d for d in editor.diagnostics("lib.ink") if d.code == "E010"]
    assert diag.related_information
    [related] = diag.related_information
    assert related.location.uri == editor.uri("parts/hall.ink") and related.location.range.start.line == 0


async def test_definition_follows_unsaved_edits(editor: Editor) -> None:
    editor.open("lib.ink")
    text = "\n\n\n" + editor.text("lib.ink")  # the knot moves three lines down, unsaved
    editor.buffers["lib.ink"] = text
    editor.replace("lib.ink", text)
    editor.open("parts/hall.ink")
    result = await editor.client.text_document_definition_async(T.DefinitionParams(
        text_document=editor.doc("parts/hall.ink"), position=editor.position("parts/hall.ink", "cellar")))
    assert isinstance(result, list) and result[0].range.start.line == 6
