"""`check`: the compiler's diagnostics and the lint rules' findings, as one sorted list, in three formats.

Formats: `text` (the compiler's own rendering: `file:line:col: severity[CODE]: message`, caret, hint),
`json` (the `CheckReport` model below: schema `dreamphases.check/1`, stable; fields are only ever
added) and `github` (workflow commands that GitHub Actions shows as annotations on the diff).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from dreamphases.compiler import compile_path, render
from dreamphases.compiler.diagnostics import CODES, Diagnostic, Severity
from dreamphases.compiler.graph import StoryGraph
from dreamphases.compiler.parser import ParseCache
from dreamphases.tools.lint import LintOptions, SourceCache, plural, run_lint
from dreamphases.tools.paths import display_path
from dreamphases.tools.rules import RULES, rule_by_code

__all__ = ["CheckResult", "CheckReport", "check_path", "format_text", "format_json", "format_github"]

SCHEMA = "dreamphases.check/1"


@dataclass(slots=True)
class CheckResult:
    story: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    graph: StoryGraph | None = None

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity is severity)

    def failed(self, strict: bool = False) -> bool:
        return self.count(Severity.ERROR) > 0 or (strict and self.count(Severity.WARNING) > 0)


def _without_duplicates(compiler: list[Diagnostic], lint: list[Diagnostic]) -> list[Diagnostic]:
    """Lint findings the compiler already reported on the same line (see `Rule.covers`) are dropped."""
    reported = {(d.code, d.span.file, d.span.line) for d in compiler}
    kept = []
    for diag in lint:
        rule = rule_by_code(diag.code)
        covers = rule.covers if rule else ()
        if not any((name, diag.span.file, diag.span.line) in reported for name in covers):
            kept.append(diag)
    return kept


def _without_replaced(compiler: list[Diagnostic], lint: list[Diagnostic]) -> list[Diagnostic]:
    """Compiler diagnostics that a lint finding on the same line says more fully (`Rule.replaces`)."""
    replaced = set()
    for diag in lint:
        rule = rule_by_code(diag.code)
        for name in rule.replaces if rule else ():
            replaced.add((name, diag.span.file, diag.span.line))
    return [d for d in compiler if (d.code, d.span.file, d.span.line) not in replaced]


def check_path(path: str | Path, options: LintOptions | None = None,
               overlay: Mapping[Path, str] | None = None, parse_cache: ParseCache | None = None,
               emit_json: bool = True) -> CheckResult:
    """Compile `path` and lint its story graph. Never raises on a bad story.

    `overlay` (absolute resolved path → text): an editor's unsaved buffers, compiled and linted
    instead of the files on disk; `parse_cache`: the editor's parses of unchanged files.
    `emit_json=False` (an editor, on every pause in typing) skips building the JSON, and with it
    the one error only the JSON shows: E021, nesting too deep for bink to load. By default `check`
    reports exactly what `compile` does.
    """
    story = Path(path)
    compiled = compile_path(story, overlay, parse_cache=parse_cache, emit_json=emit_json)
    diagnostics = list(compiled.diagnostics)
    if compiled.graph is not None:
        root = story.resolve().parent
        held = {p.relative_to(root).as_posix(): text for p, text in (overlay or {}).items() if p.is_relative_to(root)}
        lint = run_lint(compiled.graph, RULES, options, sources=SourceCache(held, root=story.parent),
                        display=partial(display_path, story))
        lint = _without_duplicates(diagnostics, lint)
        diagnostics = _without_replaced(diagnostics, lint) + lint
    diagnostics = [replace(d, span=d.span._replace(file=display_path(story, d.span.file)))
                   for d in diagnostics]
    diagnostics.sort(key=lambda d: (d.span.file, d.span.line, d.span.col, d.code_id))
    return CheckResult(str(path), diagnostics, compiled.graph)


# -- formats ------------------------------------------------------------------------------------

def summary_line(result: CheckResult) -> str:
    errors, warnings = result.count(Severity.ERROR), result.count(Severity.WARNING)
    if not result.diagnostics:
        return f"{result.story}: no problems found ({len(RULES)} lint rules)"
    parts = [plural(errors, "error"), plural(warnings, "warning")]
    infos = result.count(Severity.INFO)
    if infos:
        parts.append(plural(infos, "note"))
    return f"{result.story}: " + ", ".join(parts)


def format_text(result: CheckResult) -> str:
    blocks = [render(d) for d in result.diagnostics]
    return "\n\n".join([*blocks, summary_line(result)]) + "\n"


class DiagnosticModel(BaseModel):
    """One finding. `code` is the stable id (`E012`, `W001`, `L003`); `name` its readable name."""

    code: str
    name: str
    severity: Literal["error", "warning", "info"]
    source: Literal["compiler", "lint"]
    message: str
    file: str
    line: int = Field(ge=1)
    column: int = Field(ge=1)
    hint: str | None = None


class Summary(BaseModel):
    errors: int
    warnings: int
    infos: int


class CheckReport(BaseModel):
    """The `check --format json` document."""

    schema_: str = Field(SCHEMA, alias="schema")
    story: str
    ok: bool = Field(description="false when `check` exits 1 (errors, or warnings under --strict)")
    summary: Summary
    diagnostics: list[DiagnosticModel]

    model_config = {"populate_by_name": True}


def _model(diag: Diagnostic) -> DiagnosticModel:
    rule = rule_by_code(diag.code)
    if rule is not None:
        name, source = rule.name, "lint"
    else:
        key = diag.code
        name = CODES[key].name if key in CODES else diag.code
        source = "compiler"
    return DiagnosticModel(
        code=diag.code, name=name,
        severity=diag.severity.value, source=source,  # type: ignore[arg-type]
        message=diag.message, file=diag.span.file, line=max(diag.span.line, 1),
        column=max(diag.span.col, 1), hint=diag.hint,
    )


def report(result: CheckResult, strict: bool = False) -> CheckReport:
    return CheckReport(
        schema=SCHEMA, story=result.story, ok=not result.failed(strict),
        summary=Summary(errors=result.count(Severity.ERROR), warnings=result.count(Severity.WARNING),
                        infos=result.count(Severity.INFO)),
        diagnostics=[_model(d) for d in result.diagnostics],
    )


def format_json(result: CheckResult, strict: bool = False) -> str:
    return report(result, strict).model_dump_json(by_alias=True, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(result: CheckResult) -> str:
    """GitHub Actions workflow commands: `::warning file=…,line=…,col=…,title=…::message`."""
    levels = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    lines = []
    for diag in result.diagnostics:
        model = _model(diag)
        props = (f"file={_escape_property(model.file)},line={model.line},col={model.column},"
                 f"title={_escape_property(f'{model.code} {model.name}')}")
        message = model.message + (f"\n{model.hint}" if model.hint else "")
        lines.append(f"::{levels[diag.severity]} {props}::{_escape_data(message)}")
    return "".join(line + "\n" for line in lines)
