"""`dreamphases check`: compiler diagnostics plus lint findings, in text, JSON and GitHub formats."""

from __future__ import annotations

import json

import pytest

from dreamphases.cli import main
from dreamphases.compiler.diagnostics import Diagnostic, Severity, Span
from dreamphases.tools.check import (
    CheckReport,
    CheckResult,
    _without_duplicates,
    format_github,
    format_json,
    format_text,
)
from dreamphases.tools.rules import RULES

UNREACHABLE = """
    -> start
    === start ===
    Hello. -> END
    === orphan ===
    Nobody comes here. -> END
    """


@pytest.fixture
def finding() -> CheckResult:
    warning = Diagnostic("L001", "the knot `orphan` is never reached: nothing diverts to it",
                         Span("main.ink", 4, 1), hint="divert to it", excerpt="=== orphan ===",
                         severity_override=Severity.WARNING)
    return CheckResult("main.ink", [warning])


def test_text_format_gives_place_code_caret_and_hint(finding):
    assert format_text(finding) == (
        "main.ink:4:1: warning[L001]: the knot `orphan` is never reached: nothing diverts to it\n"
        "    4 | === orphan ===\n"
        "        ^\n"
        "  hint: divert to it\n"
        "\n"
        "main.ink: 0 errors, 1 warning\n"
    )


def test_json_format_follows_the_documented_schema(finding):
    document = json.loads(format_json(finding))
    assert document["schema"] == "dreamphases.check/1"
    assert document["diagnostics"] == [{
        "code": "L001", "name": "unreachable", "severity": "warning", "source": "lint",
        "message": "the knot `orphan` is never reached: nothing diverts to it",
        "file": "main.ink", "line": 4, "column": 1, "hint": "divert to it",
    }]
    assert document["summary"] == {"errors": 0, "warnings": 1, "infos": 0}
    assert CheckReport.model_validate_json(format_json(finding)).ok is True


def test_json_ok_is_false_under_strict_when_there_are_warnings(finding):
    assert json.loads(format_json(finding, strict=True))["ok"] is False


def test_github_format_is_one_escaped_annotation_per_finding():
    diag = Diagnostic("E001", "bad, very bad: 100%\nreally", Span("dir,x/main.ink", 3, 7), hint="fix it")
    out = format_github(CheckResult("main.ink", [diag]))
    assert out == ("::error file=dir%2Cx/main.ink,line=3,col=7,title=E001 syntax::"
                   "bad, very bad: 100%25%0Areally%0Afix it\n")


def test_a_lint_finding_the_compiler_already_made_is_dropped():
    compiler = [Diagnostic("E015", "wrong count", Span("a.ink", 3, 1))]
    lint = [Diagnostic("L007", "wrong count", Span("a.ink", 3, 1), severity_override=Severity.ERROR),
            Diagnostic("L007", "wrong count", Span("a.ink", 9, 1), severity_override=Severity.ERROR)]
    assert [d.span.line for d in _without_duplicates(compiler, lint)] == [9]


def test_list_rules_names_every_rule(capsys):
    assert main(["check", "--list-rules"]) == 0
    out = capsys.readouterr().out
    assert [line.split()[0] for line in out.splitlines()] == [r.code for r in RULES]


def test_rule_codes_and_names_are_unique_and_documented():
    assert len({r.code for r in RULES}) == len({r.name for r in RULES}) == len(RULES)
    assert all(r.code.startswith("L") and r.doc.endswith(".") for r in RULES)


@pytest.mark.parametrize("argv", [
    ["check", "nowhere.ink"], ["check"],
    ["check", "--ignore", "L999", "x.ink"], ["check", "--max-words", "0", "x.ink"],
])
def test_bad_usage_exits_2(argv, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.ink").write_text("Hello.\n")
    assert main(argv) == 2
    assert capsys.readouterr().err.startswith("error: ")


# -- end to end, through our compiler ---------------------------------------------------------------

def test_warnings_exit_0_and_strict_makes_them_fail(write_story, capsys):
    story = str(write_story(UNREACHABLE))
    assert main(["check", story]) == 0
    out = capsys.readouterr().out
    assert f"{story}:4:1: warning[L001]: the knot `orphan` is never reached" in out
    assert main(["check", "--strict", story]) == 1


def test_compile_errors_exit_1(write_story, capsys):
    assert main(["check", str(write_story("-> nowhere\n"))]) == 1
    assert "error[E" in capsys.readouterr().out


def test_a_comment_silences_one_finding(write_story, capsys):
    story = str(write_story(UNREACHABLE.replace("=== orphan ===", "=== orphan === // check: ignore L001")))
    assert main(["check", "--strict", story]) == 0
    assert "no problems found" in capsys.readouterr().out


def test_ignore_switches_a_rule_off(write_story, capsys):
    assert main(["check", "--strict", "--ignore", "unreachable", str(write_story(UNREACHABLE))]) == 0


def test_json_output_end_to_end(write_story, capsys):
    assert main(["check", "--format", "json", str(write_story(UNREACHABLE))]) == 0
    report = CheckReport.model_validate_json(capsys.readouterr().out)
    assert [(d.code, d.line) for d in report.diagnostics] == [("L001", 4)]


# -- check agrees with compile ----------------------------------------------------------------------

_CASES = __import__("pathlib").Path(__file__).resolve().parents[1] / "conformance" / "cases"
_REJECTED = sorted(p for p in _CASES.rglob("*.ink") if "// expect error:" in p.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", _REJECTED, ids=lambda p: p.relative_to(_CASES).with_suffix("").as_posix())
def test_check_reports_the_errors_compile_reports(case, capsys, tmp_path):
    # a story `compile` refuses must not pass `check`, and both must name the same problems
    from dreamphases.compiler import compile_path

    result = compile_path(case)
    assert result.json_text is None
    assert main(["check", "--format", "json", str(case)]) == 1
    report = CheckReport.model_validate_json(capsys.readouterr().out)
    errors = {(d.code, d.line) for d in report.diagnostics if d.code.startswith("E")}
    assert errors == {(d.code, d.span.line) for d in result.diagnostics if d.is_error}
