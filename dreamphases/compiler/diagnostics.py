"""Diagnostics: what the compiler (and the linter) tells a writer, and the one registry of codes.

A diagnostic is a value, never an exception: every stage appends to a list and carries on, so one
run reports every problem it can find. Rendering (`file:line:col: error[E012]: message`, a caret
excerpt, a hint) lives here too so the compiler, `check` and `watch` all print the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import NamedTuple

from dreamphases.textsafe import clip_around, printable

__all__ = [
    "Severity", "Code", "CODES", "Diagnostic", "Span", "Reporter", "render", "has_errors", "codes_markdown",
    "did_you_mean",
]


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Code:
    """One entry of the diagnostic registry: a stable code, its name, severity and documentation."""

    id: str
    name: str
    severity: Severity
    doc: str


def _codes(*rows: tuple[str, str, Severity, str]) -> dict[str, Code]:
    return {id: Code(id, name, sev, doc) for id, name, sev, doc in rows}


E, W = Severity.ERROR, Severity.WARNING

#: Every diagnostic the compiler can emit, by id. Ids are stable: never reuse or renumber one.
CODES: dict[str, Code] = _codes(
    ("E000", "internal-error", E, "The compiler failed on this input: a bug in DreamPhases, please report it."),
    ("E001", "syntax", E, "The line could not be parsed as ink."),
    ("E002", "unbalanced-braces", E, "A `{` without its `}` (or the reverse)."),
    ("E003", "bad-expression", E, "An expression that does not parse."),
    ("E004", "include-missing", E, "An INCLUDE names a file that does not exist."),
    ("E005", "include-outside", E, "An INCLUDE path leaves the story's folder."),
    ("E006", "include-cycle", E, "A file INCLUDEs itself, directly or through others."),
    ("E007", "unreadable-source", E, "A source file is not text (binary, bad encoding) or too large."),
    ("E010", "duplicate-name", E, "Two knots, stitches, labels, variables or lists share a name, or a "
     "temporary or parameter takes a global variable's name."),
    ("E011", "reserved-name", E, "A name that ink reserves (a keyword or a native function)."),
    ("E012", "undefined-target", E, "A divert or read count names a knot, stitch or label that does not exist, or "
     "diverts to a variable declared only further down."),
    ("E013", "undefined-variable", E, "An expression reads a variable that is not declared."),
    ("E014", "undefined-function", E, "A call names a function that is not declared."),
    ("E015", "argument-count", E, "A call or divert passes the wrong number of arguments."),
    ("E016", "ref-misuse", E, "A `ref` argument that is not a variable, or a ref parameter misused."),
    ("E017", "const-assignment", E, "An assignment to a CONST."),
    ("E018", "bad-declaration", E, "A VAR, CONST or LIST declaration that is malformed."),
    ("E019", "empty-choice", E, "Not emitted: inklecate only warns about an empty choice, so W007 does."),
    ("E020", "misplaced", E, "A construct where ink does not allow it (e.g. a choice inside a function)."),
    ("E021", "nesting-too-deep", E, "Input nested deeper than the compiler accepts."),
    ("E022", "return-outside-function", E, "`~ return` outside a function."),
    ("E023", "empty-flow", E, "A knot, function or stitch with no line of content before the next header."),
    ("E024", "arrow-on-variable", E, "`-> x` as a value where `x` is a variable already holding a divert target."),
    ("E025", "untyped-divert-parameter", E, "A parameter that is diverted to, not declared `-> name`."),
    ("E026", "loose-choice-in-block", E, "A choice inside a multiline conditional or sequence that does not divert."),
    ("E027", "misplaced-increment", E, "`x++` or `x--` anywhere but alone on a `~` line (inside `{…}`, a condition, "
     "or part of a larger expression)."),
    ("E028", "divert-target-misuse", E, "A divert target value used in arithmetic, negated, as a condition, compared "
     "with something that is not a divert target, or `-> END`/`-> DONE` taken as a value."),
    ("E029", "useless-logic", E, "A `~` line whose logic does nothing: not an assignment, a call or `++`/`--` "
     "(`~ x`, `~ a + b`)."),
    ("E030", "bad-branch", E, "A multiline block's `-` branch that inklecate refuses: no condition and no content, an "
     "`- else:` that is not the last or not the only one, or text before a sequence's first `-`."),
    ("E031", "not-before-has", E, "`not a ? b` (or `!a has b`): the `not` applies to `a` alone, so inklecate asks for "
     "parentheses."),
    ("E032", "choice-condition", E, "A `{…}` before a choice's text that is not a condition (`* {&a|b} Go`, "
     "`* {x: a|b} Go`): inklecate reads every leading `{` of a choice as a condition."),
    ("E033", "bad-string", E, "A string literal holding a tag (`#`), a divert, or a `|` outside braces."),
    ("E034", "text-after-divert", E, "Something after a divert on its line: a divert ends the line, so a tag must "
     "come before it (and on a choice line, the text and its `[…]` too)."),
    ("E035", "gather-in-block", E, "A gather (`- -`, `--`) inside a multiline `{…}` block, whose branches start "
     "with a single `-`."),
    ("E036", "builtin-argument", E, "A built-in function given the wrong kind of argument: `READ_COUNT` and "
     "`TURNS_SINCE` take a divert target (`-> knot`) or a variable holding one; `RANDOM` and `SEED_RANDOM` "
     "integers."),
    ("W001", "loose-end", W, "A weave or knot runs out of content without a divert, `-> END` or `-> DONE`."),
    ("W002", "todo", W, "A `TODO:` note left in the script."),
    ("W003", "unused-variable", W, "A variable that is declared but never used."),
    ("W004", "empty-knot", W, "A knot or stitch with no content."),
    ("W006", "stray-brace", W, "A line starting with `}` outside any block: inklecate ignores the rest of the file."),
    ("W005", "bad-stat-tag", W, "A `# stat:` global tag that does not follow the stat grammar."),
    ("W007", "blank-choice", W, "A choice with no text and no divert (played as a fallback choice)."),
)


class Span(NamedTuple):
    """A place in a source file: 1-based line and column.

    A NamedTuple rather than a frozen dataclass: every node of the syntax tree has one (about 60,000
    for a 20,000-line story), and a frozen dataclass costs nearly twice as much to make. It is just
    as immutable and hashable; change one with `span._replace(file=...)`.
    """

    file: str
    line: int
    col: int = 1


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One error or warning: its code, what is wrong, where, and how to fix it."""

    code: str
    message: str
    span: Span
    hint: str | None = None
    excerpt: str | None = None
    severity_override: Severity | None = None

    @property
    def severity(self) -> Severity:
        if self.severity_override is not None:
            return self.severity_override
        return CODES[self.code].severity if self.code in CODES else Severity.ERROR

    @property
    def code_id(self) -> str:
        return self.code

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


@dataclass(slots=True)
class Reporter:
    """Collects one stage's diagnostics, each with its source line as the excerpt under the caret."""

    lines: dict[str, list[str]]
    diags: list[Diagnostic] = field(default_factory=list)

    def report(self, code: str, message: str, span: Span, hint: str | None = None) -> None:
        lines = self.lines.get(span.file)
        excerpt = lines[span.line - 1] if lines and 0 < span.line <= len(lines) else None
        self.diags.append(Diagnostic(code, message, span, hint, excerpt))


def did_you_mean(name: str, pool: list[str]) -> str | None:
    """A hint naming the closest known name, if one is close enough to be a likely typo."""
    import difflib  # (here, not at the top: only a story with a mistake needs it, and every compile starts up)

    close = difflib.get_close_matches(name, pool, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None


def has_errors(diagnostics: list[Diagnostic]) -> bool:
    return any(d.is_error for d in diagnostics)


def render(diag: Diagnostic) -> str:
    """`file:line:col: error[E012]: message`, then the source line with a caret, then a hint."""
    s = diag.span
    out = [printable(f"{s.file}:{s.line}:{s.col}: {diag.severity.value}[{diag.code_id}]: {diag.message}")]
    if diag.excerpt is not None:
        raw = diag.excerpt.rstrip("\n")
        # control characters go, tabs widen to 4 columns: the caret moves with both; then a long line
        # is clipped to a window around the caret
        caret = len(printable(raw[: max(s.col - 1, 0)]).expandtabs(4))
        line, caret = clip_around(printable(raw).expandtabs(4), caret)
        gutter = f"{s.line:>5} | "
        out.append(gutter + line)
        out.append(" " * (len(gutter) + caret) + "^")
    if diag.hint:
        out.append(printable(f"  hint: {diag.hint}"))
    return "\n".join(out)


def codes_markdown() -> str:
    """The registry as a Markdown table: docs/diagnostics.md embeds it and a test keeps the two in step."""
    rows = ["| Code | Name | Severity | Meaning |", "| --- | --- | --- | --- |"]
    for code in sorted(CODES.values(), key=lambda c: c.id):
        doc = code.doc.replace("|", "\\|")
        rows.append(f"| {code.id} | {code.name} | {code.severity.value} | {doc} |")
    return "\n".join(rows) + "\n"
