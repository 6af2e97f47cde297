"""Every diagnostic the compiler emits, each on the smallest story that shows it.

Each case pins the code, the place (line and column the caret points at), the words a writer reads
and, where one helps, the hint. Errors withhold the JSON; warnings do not.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from dreamphases.compiler import CompileResult, render
from dreamphases.compiler.diagnostics import CODES, Severity
from tests.compiler.support import diagnostics_with


@dataclass(frozen=True)
class Case:
    code: str
    source: str
    line: int
    col: int
    says: str
    hint: str | None = None


FUNCTION = "== function double(x) ==\n~ return x * 2\n"

CASES: dict[str, Case] = {
    "malformed knot header": Case("E001", "-> END\n== two words ==\nx\n", 2, 1, "malformed knot or stitch header",
                                  "knots look like '== name =='"),
    "divert to a non-name": Case("E001", "-> 12 +\n", 1, 4, "is not a divert target",
                                 "targets look like knot"),
    "inline brace never closed": Case("E002", "Hello {x\n-> END\n", 1, 7, "this '{' is never closed"),
    "multiline block never closed": Case("E002", "VAR x = 1\n{ x > 0:\n  yes\n-> END\n", 2, 1,
                                         "never closed with '}'"),
    "expression missing an operand": Case("E003", "VAR x = 1 +\n-> END\n", 1, 12, "expected a value"),
    "empty braces": Case("E003", "Hello {} there\n-> END\n", 1, 7, "empty '{}'", "put an expression"),
    "duplicate knot": Case("E010", "-> a\n== a ==\nx\n-> END\n== a ==\ny\n-> END\n", 5, 1,
                           "knot 'a' is already defined at story.ink:2"),
    "duplicate stitch": Case("E010", "-> a\n== a ==\n= s\nx\n-> END\n= s\ny\n-> END\n", 6, 1,
                             "stitch 's' is already defined in 'a'"),
    "duplicate label": Case("E010", "* (x) one\n* (x) two\n- -> END\n", 2, 1, "label 'x' is already used"),
    "duplicate variable": Case("E010", "VAR a = 1\nVAR a = 2\n-> END\n", 2, 5,
                               "variable 'a' is already defined at story.ink:1"),
    "variable and knot share a name": Case("E010", "VAR a = 1\n-> a\n== a ==\n-> END\n", 3, 1,
                                           "'a' is both a variable and a knot"),
    "variable named after a keyword": Case("E011", "VAR not = 1\n-> END\n", 1, 5, "variable name 'not' is reserved",
                                           "choose another name"),
    "knot named after a built-in": Case("E011", "-> RANDOM\n== RANDOM ==\n-> END\n", 2, 1,
                                        "knot name 'RANDOM' is a built-in function"),
    "misspelt divert target": Case("E012", "-> start\n== family_night ==\nHi\n-> END\n== start ==\n-> famly_night\n",
                                   6, 4, "divert target 'famly_night' not found", "did you mean 'family_night'?"),
    "bad divert target after a choice's brackets": Case("E012", "* [Go somewhere] -> nowhere\n", 1, 21,
                                                        "divert target 'nowhere' not found"),
    "bad divert target after a choice's text": Case("E012", "* Go [on] -> nowhere\n", 1, 14,
                                                    "divert target 'nowhere' not found"),
    "bad expression in a choice's brackets": Case("E003", "* go [a {1 +} b] -> END\n", 1, 13, "expected a value"),
    "missing stitch in a path": Case("E012", "-> a.nowhere\n== a ==\n= here\n-> END\n", 1, 4,
                                     "divert target 'a.nowhere' not found", "did you mean 'a.here'?"),
    "misspelt variable read": Case("E013", "VAR score = 0\n{scroe}\n-> END\n", 2, 2, "unresolved name 'scroe'",
                                   "did you mean 'score'?"),
    "assignment to an undeclared variable": Case("E013", "VAR score = 0\n~ scroe = 2\n-> END\n", 2, 3,
                                                 "variable 'scroe' is not declared", "did you mean 'score'?"),
    "undeclared variable without a near name": Case("E013", "~ zz = 1\n-> END\n", 1, 3,
                                                    "variable 'zz' is not declared", "declare it with 'VAR zz"),
    "misspelt function": Case("E014", "{doubel(2)}\n-> END\n" + FUNCTION, 1, 2, "function 'doubel' is not defined",
                              "did you mean 'double'?"),
    "knot called as a function": Case("E014", "{k()}\n-> END\n== k ==\n-> END\n", 1, 2,
                                      "'k' is a knot, not a function", "declare it as '== function k =='"),
    "function given too many arguments": Case("E015", "{double(2, 3)}\n-> END\n" + FUNCTION, 1, 2,
                                              "'double' takes 1 argument but 2 were given"),
    "divert with arguments to a knot without parameters": Case("E015", "-> k(1)\n== k ==\n-> END\n", 1, 4,
                                                               "'k' takes 0 arguments but 1 was given"),
    "built-in given too few arguments": Case("E015", "{RANDOM(1)}\n-> END\n", 1, 2,
                                             "RANDOM takes 2 arguments but 1 was given"),
    "ref parameter given a value": Case("E016", "{inc(3)}\n-> END\n== function inc(ref x) ==\n~ x = x + 1\n", 1, 2,
                                        "parameter 'x' of 'inc' is 'ref': pass a variable"),
    "assignment to a CONST": Case("E017", "CONST a = 1\n~ a = 2\n-> END\n", 2, 3, "'a' is a CONST",
                                  "declare it with VAR"),
    "malformed VAR": Case("E018", "VAR = 3\n-> END\n", 1, 1, "malformed declaration", "VAR name = value"),
    "malformed list item": Case("E018", "LIST l = a, 2b c\n-> END\n", 1, 13, "malformed list item '2b c'"),
    "choice inside a function": Case("E020", "-> END\n== function f ==\n* a\n~ return 1\n", 3, 1,
                                     "functions may not contain choices"),
    "divert inside a function": Case("E020", "-> END\n== function f ==\n-> END\n", 3, 4,
                                     "functions may not contain diverts", "use a knot or a tunnel"),
    "knot inside a block": Case("E020", "{ true:\n== k ==\n}\n-> END\n", 2, 1, "cannot start inside a block"),
    "return outside a function": Case("E022", "~ return 3\n-> END\n", 1, 3, "can only be used in a function",
                                      "use '->->' to leave a tunnel"),
    "loose end in a knot": Case("W001", "-> k\n== k ==\n* one\n  text\n* two\n  -> END\n", 3, 1,
                                "loose end: the flow in 'k' runs out of content", "'-> DONE' or '-> END'"),
    "TODO note": Case("W002", "TODO: write the ending\n-> END\n", 1, 1, "TODO: write the ending"),
    "stray closing brace in a line": Case("E002", "Hello }\n-> END\n", 1, 7, "a '}' with no '{' before it",
                                          "write '\\}' for a literal brace"),
    "stray closing brace starting a line": Case("W006", "Hello\n}\n-> END\n", 2, 1, "inklecate ignores everything",
                                                "remove the '}'"),
    "empty knot": Case("E023", "-> k\n== k ==\n== j ==\n-> END\n", 2, 1, "knot 'k' is empty", "some content"),
    "completely empty choice": Case("W007", "Hi\n*\n- -> END\n", 2, 1, "this choice is completely empty",
                                    "write '* ->'"),
}


@pytest.fixture(params=list(CASES), ids=list(CASES))
def case(request: pytest.FixtureRequest) -> Case:
    return CASES[request.param]


@pytest.fixture
def found(case: Case, compile_text: Callable[[str], CompileResult]) -> CompileResult:
    return compile_text(case.source)


def test_the_code_is_reported_at_the_mistake(case: Case, found: CompileResult) -> None:
    places = [(d.span.file, d.span.line, d.span.col) for d in diagnostics_with(found, case.code)]
    assert ("story.ink", case.line, case.col) in places, [str(d) for d in found.diagnostics]


def test_the_message_names_the_problem(case: Case, found: CompileResult) -> None:
    diag = _at(case, found)
    assert case.says in diag.message


@pytest.mark.parametrize("name", [k for k, c in CASES.items() if c.hint], ids=str)
def test_the_hint_helps_where_one_is_given(name: str, compile_text: Callable[[str], CompileResult]) -> None:
    case = CASES[name]
    diag = _at(case, compile_text(case.source))
    assert diag.hint is not None and case.hint is not None and case.hint in diag.hint


def test_the_excerpt_is_the_source_line_with_a_caret_under_the_column(case: Case, found: CompileResult) -> None:
    diag = _at(case, found)
    source_line = case.source.split("\n")[case.line - 1]
    rendered = render(diag).split("\n")
    assert rendered[0] == (f"story.ink:{case.line}:{case.col}: {CODES[case.code].severity.value}"
                           f"[{case.code}]: {diag.message}")
    assert rendered[1].endswith("| " + source_line)
    gutter = rendered[1].index("| ") + 2
    assert rendered[2] == " " * (gutter + case.col - 1) + "^"


def test_errors_withhold_the_json_and_warnings_do_not(case: Case, found: CompileResult) -> None:
    if CODES[case.code].severity is Severity.ERROR:
        assert found.json_text is None
    else:
        assert found.json_text is not None


def test_every_code_the_cases_use_is_registered() -> None:
    assert {c.code for c in CASES.values()} <= set(CODES)


def _at(case: Case, result: CompileResult):  # type: ignore[no-untyped-def]
    for d in diagnostics_with(result, case.code):
        if (d.span.line, d.span.col) == (case.line, case.col):
            return d
    pytest.fail(f"no {case.code} at {case.line}:{case.col}: {[str(d) for d in result.diagnostics]}")
