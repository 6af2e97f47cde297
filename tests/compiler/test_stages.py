"""The pipeline runs one way: parse → weave → resolve → emit, and no stage changes an earlier one's
output. Consequences a writer sees: warnings found while resolving survive errors elsewhere, and a
program whose meaning would depend on a guess is refused rather than miscompiled."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dreamphases.compiler import CompileResult, compile_path
from dreamphases.compiler.emit import emit
from dreamphases.compiler.parser import parse
from dreamphases.compiler.resolve import resolve
from dreamphases.compiler.source import read_sources
from dreamphases.compiler.weave import weave
from tests.compiler.support import diagnostics_with
from tests.conformance.support import proof_cases

ROOT = Path(__file__).resolve().parents[2]

RUNS_OUT = "-> start\n=== start ===\nHello.\n* [Go] -> somewhere_else\n- The end, nearly.\n"


def codes(result: CompileResult) -> list[str]:
    return [d.code for d in result.diagnostics]


def test_a_loose_end_is_reported_in_a_story_without_errors(compile_text: Callable[[str], CompileResult]) -> None:
    result = compile_text(RUNS_OUT + "=== somewhere_else ===\n-> END\n")
    assert codes(result) == ["W001"]


def test_a_loose_end_is_still_reported_when_something_else_is_an_error(
        compile_text: Callable[[str], CompileResult]) -> None:
    # the divert target is misspelt (an error): the knot that runs out is still reported
    result = compile_text(RUNS_OUT + "=== somewhere ===\n-> END\n")
    assert sorted(codes(result)) == ["E012", "W001"]
    assert result.graph is not None and result.graph.nodes["start"].runs_out


def test_a_knot_that_runs_out_gets_one_warning(compile_text: Callable[[str], CompileResult]) -> None:
    result = compile_text("-> k\n=== k ===\nSome words.\n")
    assert codes(result) == ["W001"]


def test_no_stage_changes_what_the_parser_produced() -> None:
    text = ("VAR x = 0\n-> k\n=== k ===\n* (a) [A] {x: yes|no}\n  ~ x++\n  * * [deeper] -> END\n"
            "* [B]\n  { x > 1:\n    * [inner] -> END\n  }\n- (g) gathered\n{stopping: one|two}\n-> END\n")
    sources = read_sources(None, text, "story.ink")
    story, _ = parse(sources)
    before = repr(story)
    woven = weave(story)
    resolved, _, diags = resolve(woven, {name: f.raw_lines for name, f in sources.files.items()})
    assert not diags
    woven_before = repr(woven.weaves)
    emit(resolved)
    assert repr(story) == before
    assert repr(woven.weaves) == woven_before


def test_emitting_twice_gives_the_same_json() -> None:
    sources = read_sources(None, "Hello.\n* [A] a\n* [B] b\n- -> END\n", "story.ink")
    story, _ = parse(sources)
    resolved, _, _ = resolve(weave(story), {})
    assert emit(resolved).json_text == emit(resolved).json_text


@pytest.mark.parametrize("text", [
    "VAR x = 1\n~ temp x = 5\n~ temp y = x++\n{x} {y}\n-> END\n",
    "VAR x = 1\n-> k(2)\n=== k(x) ===\n~ x++\n{x}\n-> END\n",
])
def test_a_temporary_or_parameter_may_not_take_a_globals_name(
        compile_text: Callable[[str], CompileResult], text: str) -> None:
    # inklecate refuses these; compiled anyway, `x++` would have to guess which `x` it changes
    [clash] = diagnostics_with(compile_text(text), "E010")
    assert "has the name of the global variable declared at story.ink:1" in clash.message


def test_postfix_increment_of_a_temporary_writes_the_temporary(
        compile_text: Callable[[str], CompileResult]) -> None:
    # (`x++` stands alone on its line: inklecate refuses it inside a larger expression, E027)
    result = compile_text("~ temp x = 1\n~ x++\n{x}\n-> END\n")
    assert result.json_text is not None
    assert '{"temp=":"x","re":true}' in result.json_text and '"VAR=":"x"' not in result.json_text


@pytest.mark.parametrize("declaration", ["VAR x = 3", "CONST x = 3", "LIST x = (three)"])
def test_a_declaration_inside_a_block_is_global(compile_text: Callable[[str], CompileResult],
                                               declaration: str) -> None:
    # inklecate: "global variable declarations can go anywhere"
    result = compile_text(f"{{ true:\n  {declaration}\n}}\n{{x}}\n-> END\n")
    assert result.json_text is not None, [str(d) for d in result.diagnostics]


def test_weaving_copies_every_field_of_a_choice_and_a_gather() -> None:
    # weave copies choices and gathers field by field (for speed): a field added to either must
    # be copied too, or the woven story would silently lose it
    import dataclasses

    from dreamphases.compiler import ast as A
    from dreamphases.compiler.diagnostics import Span
    from dreamphases.compiler.weave import build_weave

    span = Span("story.ink", 3, 2)
    choice = A.Choice(1, True, "lbl", [A.Bool(True, span)], [A.Text("a")], [A.Text("b")], [A.Text("c")], span, True)
    gather = A.Gather(1, "g", span)
    woven = build_weave([choice, gather])
    for parsed, copy in zip([choice, gather], woven.items, strict=True):
        assert copy is not parsed
        for f in dataclasses.fields(parsed):
            if f.name != "body":
                assert getattr(copy, f.name) == getattr(parsed, f.name), f.name
        # a new field fails here: copy it in weave.py, then add it to this list
        assert {f.name for f in dataclasses.fields(parsed)} <= {
            "depth", "sticky", "label", "conditions", "start", "choice_only", "inner", "span", "has_brackets", "body"}


# our own conformance cases (errors and warnings among them), the bundled story, and ink-proof if present
_STORIES = sorted((ROOT / "tests" / "conformance" / "cases").rglob("*.ink")) + [ROOT / "story" / "dreamphases.ink"] + [
    case / "story.ink" for case in proof_cases()]


@pytest.mark.parametrize("story", _STORIES, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_compiling_without_the_graph_gives_the_same_json_and_diagnostics(story: Path) -> None:
    # `compile` asks for no story graph: the graph builder must report nothing the compile would miss
    full, bare = compile_path(story), compile_path(story, graph=False)
    assert bare.graph is None and full.graph is not None
    assert (bare.json_text, bare.diagnostics) == (full.json_text, full.diagnostics)
    assert bare.files == full.files == full.graph.files
