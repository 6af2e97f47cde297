"""Hover, completion, rename, quick fixes and state on demand, over stdio on the multi-file story."""

from __future__ import annotations

import pytest
from lsprotocol import types as T

from tests.lsp.support import Editor

pytestmark = pytest.mark.asyncio


async def _hover(editor: Editor, name: str, needle: str, offset: int = 0) -> str:
    editor.open(name)
    result = await editor.client.text_document_hover_async(T.HoverParams(
        text_document=editor.doc(name), position=editor.position(name, needle, offset=offset)))
    assert result is not None and isinstance(result.contents, T.MarkupContent)
    return result.contents.value


async def test_hover_on_a_knot_tells_words_choices_callers_and_state(editor: Editor) -> None:
    text = await _hover(editor, "parts/hall.ink", "== hall", offset=3)
    assert "**knot** `hall`" in text
    assert "2 choices" in text and "words" in text
    assert "`(top)` (main.ink:8)" in text  # the divert from the top of main.ink
    assert "reads: `courage`, `LIMIT`" in text or "reads: `courage`" in text
    assert "writes: " in text and "`mood`" in text and "`courage`" in text


async def test_hover_on_a_variable_tells_declaration_writes_reads_and_stat_range(editor: Editor) -> None:
    text = await _hover(editor, "parts/hall.ink", "courage")
    assert "**VAR** `courage = 0`" in text
    assert "declared at main.ink:5" in text
    assert "Courage, 0..10 (meter)" in text
    assert "written (1): `hall.wait` (parts/hall.ink:6)" in text
    assert "read (" in text and "parts/hall.ink:2" in text


async def test_hover_on_a_function_lists_its_callers(editor: Editor) -> None:
    text = await _hover(editor, "lib.ink", "add", offset=1)
    assert "**function** `add`(a, b)" in text and "called from: `hall.wait` (parts/hall.ink:6)" in text


async def test_hover_on_plain_prose_is_empty(editor: Editor) -> None:
    editor.open("lib.ink")
    result = await editor.client.text_document_hover_async(T.HoverParams(
        text_document=editor.doc("lib.ink"), position=editor.position("lib.ink", "cold")))
    assert result is None


async def _complete(editor: Editor, name: str, text: str, needle: str) -> dict[str, T.CompletionItem]:
    """Complete at the end of `needle` in `text` (the unsaved buffer of `name`)."""
    editor.open(name)
    editor.buffers[name] = text
    editor.replace(name, text)
    await editor.settle(name)
    position = editor.position(name, needle, offset=len(needle))
    result = await editor.client.text_document_completion_async(T.CompletionParams(
        text_document=editor.doc(name), position=position))
    items = result.items if isinstance(result, T.CompletionList) else result or []
    return {i.label: i for i in items}


async def test_completion_after_a_divert_offers_knots_stitches_and_end(editor: Editor) -> None:
    hall = editor.text("parts/hall.ink").replace("-> DONE", "-> ")
    items = await _complete(editor, "parts/hall.ink", hall, "\n-> ")
    assert {"hall", "cellar", "whisper", "door", "wait", "END", "DONE"} <= set(items)
    assert "add" not in items  # a function is called, not diverted to
    assert items["cellar"].kind == T.CompletionItemKind.Module


async def test_completion_after_a_knot_and_dot_offers_its_stitches_and_labels(editor: Editor) -> None:
    hall = editor.text("parts/hall.ink").replace("-> DONE", "-> hall.")
    items = await _complete(editor, "parts/hall.ink", hall, "-> hall.")
    assert set(items) == {"door", "wait"}


async def test_completion_in_logic_offers_variables_functions_and_temporaries(editor: Editor) -> None:
    lib = editor.text("lib.ink").replace("{steps} steps down.", "{st} steps down.")
    items = await _complete(editor, "lib.ink", lib, "{st")
    assert {"courage", "LIMIT", "mood", "calm", "add", "steps", "TURNS_SINCE"} <= set(items)
    assert items["add"].kind == T.CompletionItemKind.Function
    assert items["courage"].kind == T.CompletionItemKind.Variable


async def test_completion_on_a_tilde_line_offers_variables(editor: Editor) -> None:
    hall = editor.text("parts/hall.ink").replace("~ mood = calm", "~ mood = ")
    items = await _complete(editor, "parts/hall.ink", hall, "~ mood = ")
    assert {"calm", "tense", "angry", "courage"} <= set(items)


async def test_completion_after_a_hash_offers_the_players_tag_names(editor: Editor) -> None:
    lib = editor.text("lib.ink").replace("# speaker: Ada", "# ")
    items = await _complete(editor, "lib.ink", lib, "cellar. # ")
    assert {"speaker", "scene", "glitch", "ending"} <= set(items)


async def _rename(editor: Editor, name: str, needle: str, new: str, offset: int = 0) -> T.WorkspaceEdit | None:
    editor.open(name)
    return await editor.client.text_document_rename_async(T.RenameParams(
        text_document=editor.doc(name), position=editor.position(name, needle, offset=offset), new_name=new))


def _apply(editor: Editor, edit: T.WorkspaceEdit) -> dict[str, str]:
    """The story's files with the edit applied."""
    assert edit.changes is not None
    out = {}
    for name in ("main.ink", "parts/hall.ink", "lib.ink"):
        lines = editor.text(name).split("\n")
        for change in sorted(edit.changes.get(editor.uri(name), []), key=lambda c: (
                c.range.start.line, c.range.start.character), reverse=True):
            assert change.range.start.line == change.range.end.line
            row = lines[change.range.start.line]
            lines[change.range.start.line] = (row[:change.range.start.character] + change.new_text
                                              + row[change.range.end.character:])
        out[name] = "\n".join(lines)
    return out


async def test_renaming_a_knot_rewrites_every_file(editor: Editor) -> None:
    edit = await _rename(editor, "lib.ink", "cellar", "basement")
    assert edit is not None
    files = _apply(editor, edit)
    assert "== basement ==" in files["lib.ink"] and "-> basement ->" in files["parts/hall.ink"]
    assert "cellar" not in files["parts/hall.ink"]
    assert "It is cold in the cellar." in files["lib.ink"]  # prose is not a name


async def test_renaming_a_stitch_rewrites_paths_through_it(editor: Editor) -> None:
    edit = await _rename(editor, "parts/hall.ink", "= door", "exit", offset=2)
    assert edit is not None
    hall = _apply(editor, edit)["parts/hall.ink"]
    assert "-> hall.exit" in hall and "-> exit" in hall and "= exit" in hall


async def test_renaming_a_variable_rewrites_its_declaration_and_uses(editor: Editor) -> None:
    edit = await _rename(editor, "main.ink", "VAR courage", "nerve", offset=4)
    assert edit is not None
    files = _apply(editor, edit)
    assert "VAR nerve = 0" in files["main.ink"]
    assert "~ nerve = add(nerve, 1)" in files["parts/hall.ink"]
    assert "# stat: courage" in files["main.ink"]  # tags are text; the stat must be renamed by hand


async def test_renaming_a_list_item_and_a_label(editor: Editor) -> None:
    edit = await _rename(editor, "parts/hall.ink", "calm", "serene")
    assert edit is not None
    files = _apply(editor, edit)
    assert "LIST mood = serene, (tense), angry" in files["main.ink"] and "~ mood = serene" in files["parts/hall.ink"]
    edit = await _rename(editor, "parts/hall.ink", "hall.wait", "lingered", offset=6)
    assert edit is not None
    hall = _apply(editor, edit)["parts/hall.ink"]
    assert "* (lingered) [Wait]" in hall and "{hall.lingered:" in hall


@pytest.mark.parametrize(("name", "needle", "offset", "new", "why"), [
    pytest.param("lib.ink", "cellar", 0, "hall", "already a knot", id="knot onto knot"),
    pytest.param("lib.ink", "cellar", 0, "courage", "already a knot", id="knot onto variable"),
    pytest.param("parts/hall.ink", "= door", 2, "wait", "already has a stitch or label", id="stitch onto label"),
    pytest.param("main.ink", "VAR courage", 4, "LIMIT", "already", id="variable onto constant"),
    pytest.param("main.ink", "VAR courage", 4, "steps", "temporary", id="variable onto a temporary"),
    pytest.param("lib.ink", "steps", 0, "courage", "global variable", id="temporary onto global"),
    pytest.param("lib.ink", "cellar", 0, "not", "reserved", id="keyword"),
    pytest.param("lib.ink", "cellar", 0, "2nd", "not a name", id="not an identifier"),
])
async def test_a_rename_that_would_collide_is_refused(editor: Editor, name: str, needle: str, offset: int,
                                                      new: str, why: str) -> None:
    with pytest.raises(Exception, match=why):
        await _rename(editor, name, needle, new, offset)


async def test_a_did_you_mean_hint_is_a_quick_fix(editor: Editor) -> None:
    editor.open("parts/hall.ink")
    hall = editor.text("parts/hall.ink").replace("-> cellar ->", "-> celar ->")
    editor.replace("parts/hall.ink", hall)
    await editor.settle("parts/hall.ink")
    [diag] = editor.diagnostics("parts/hall.ink")
    actions = await editor.client.text_document_code_action_async(T.CodeActionParams(
        text_document=editor.doc("parts/hall.ink"), range=diag.range,
        context=T.CodeActionContext(diagnostics=[diag])))
    assert actions
    [action] = actions
    assert isinstance(action, T.CodeAction) and action.kind == T.CodeActionKind.QuickFix
    assert action.title == "Change to 'cellar'"
    assert action.edit is not None and action.edit.changes is not None
    [change] = action.edit.changes[editor.uri("parts/hall.ink")]
    assert change.new_text == "cellar" and change.range == diag.range


async def test_state_on_demand_shows_what_random_playthroughs_never_reach(editor: Editor) -> None:
    lib = editor.text("lib.ink") + "\n== attic ==\nDust.\n-> END\n"
    editor.open("lib.ink")
    editor.replace("lib.ink", lib)
    await editor.settle("lib.ink")
    summary = await editor.client.workspace_execute_command_async(T.ExecuteCommandParams(
        command="dreamphases.explore", arguments=[editor.uri("lib.ink")]))
    assert isinstance(summary, str) and "never reached" in summary
    hints = [d for d in editor.diagnostics("lib.ink") if d.severity == T.DiagnosticSeverity.Hint]
    assert any("attic" in d.message and d.range.start.line == lib.split("\n").index("== attic ==") for d in hints)
    assert any(d.code == "L001" for d in editor.diagnostics("lib.ink"))  # the compile's own findings stay
    # the next edit makes the hints stale: they go
    editor.replace("lib.ink", lib + "\n", version=3)
    await editor.settle("lib.ink")
    assert not [d for d in editor.diagnostics("lib.ink") if d.severity == T.DiagnosticSeverity.Hint]
