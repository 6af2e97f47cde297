"""How problems are reported: all of them in one run, in source order, and never as a crash."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dreamphases.compiler import CompileResult, compile_source
from tests.compiler.support import diagnostics_with

MANY_MISTAKES = """\
-> nowhere
~ zz = 1
{foo()}
CONST c = 1
~ c = 2
"""


def test_several_errors_are_reported_in_one_run(compile_text: Callable[[str], CompileResult]) -> None:
    result = compile_text(MANY_MISTAKES)
    assert [d.code for d in result.diagnostics] == ["E012", "E013", "E014", "E017"]


def test_errors_come_in_source_order(compile_text: Callable[[str], CompileResult]) -> None:
    result = compile_text(MANY_MISTAKES)
    lines = [d.span.line for d in result.diagnostics]
    assert lines == sorted(lines)


def test_the_same_mistake_is_reported_once(compile_text: Callable[[str], CompileResult]) -> None:
    result = compile_text("-> nowhere\n")
    assert len(diagnostics_with(result, "E012")) == 1


def test_a_clean_story_has_no_diagnostics_and_gives_json(compile_text: Callable[[str], CompileResult]) -> None:
    result = compile_text("Hello.\n* [Go] Gone.\n- -> END\n")
    assert result.diagnostics == []
    assert result.json_text is not None and '"inkVersion": 21' in result.json_text.replace('":21', '": 21')


def test_an_internal_failure_becomes_an_E000_diagnostic_not_an_exception(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> None:
        raise ValueError("boom")

    monkeypatch.setattr("dreamphases.compiler.parser.parse", broken)
    result = compile_source("Hello\n")
    assert [d.code for d in result.diagnostics] == ["E000"]
    assert "ValueError: boom" in result.diagnostics[0].message
    assert result.json_text is None


def test_running_out_of_stack_becomes_E021(monkeypatch: pytest.MonkeyPatch) -> None:
    def too_deep(*_args: object) -> None:
        raise RecursionError

    monkeypatch.setattr("dreamphases.compiler.resolve.resolve", too_deep)
    result = compile_source("Hello\n")
    assert [d.code for d in result.diagnostics] == ["E021"]


# -- deeply nested input ------------------------------------------------------------------------------

def test_deeply_nested_multiline_blocks_give_one_clear_E021(compile_text: Callable[[str], CompileResult]) -> None:
    depth = 200
    source = "{ true:\n" * depth + "deep\n" + "}\n" * depth
    result = compile_text(source)
    assert [d.code for d in result.diagnostics if d.is_error] == ["E021"]


def test_moderately_nested_blocks_compile(compile_text: Callable[[str], CompileResult]) -> None:
    depth = 20
    source = "{ true:\n" * depth + "deep\n" + "}\n" * depth + "-> END\n"
    assert compile_text(source).json_text is not None


def test_deeply_nested_parentheses_give_E021(compile_text: Callable[[str], CompileResult]) -> None:
    depth = 5000
    result = compile_text("~ temp x = " + "(" * depth + "1" + ")" * depth + "\n-> END\n")
    assert "E021" in [d.code for d in result.diagnostics]


def test_deeply_nested_inline_braces_give_E021(compile_text: Callable[[str], CompileResult]) -> None:
    depth = 3000
    result = compile_text("Hi " + "{true:" * depth + "x" + "}" * depth + "\n-> END\n")
    assert "E021" in [d.code for d in result.diagnostics]


def test_thousands_of_unclosed_braces_give_a_brace_error(compile_text: Callable[[str], CompileResult]) -> None:
    result = compile_text("{" * 3000 + "\n")
    assert [d.code for d in result.diagnostics] == ["E002"]
