"""The lint framework: a rule is a function over the story graph that yields findings.

Rules live one per module in `dreamphases.tools.rules` and are listed in one place
(`dreamphases.tools.rules.RULES`). Each defines its own code (`L0xx`, stable, never reused), a
name, a severity and a one-line doc, so `check --list-rules`, the JSON output and the docs all come
from the rule itself. Findings become ordinary `Diagnostic`s so they render exactly like the
compiler's.

A writer silences one finding with a comment on the reported line or the line above it:
`// check: ignore L011` (several codes or rule names may follow, separated by commas or spaces).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal

from dreamphases.analysis import FlowGraph, Liveness, Reaching, build_flow
from dreamphases.compiler.diagnostics import Diagnostic, Severity, Span
from dreamphases.compiler.graph import StoryGraph
from dreamphases.statspec import StatSpec, stat_specs, stat_tag_var
from dreamphases.tools.analysis import GraphIndex
from dreamphases.tools.reading import Passages

__all__ = ["Finding", "Rule", "LintOptions", "LintContext", "SourceCache", "run_lint", "plural"]

#: words a reader reads without a choice before the long-passage rule speaks (about 2.6 minutes)
DEFAULT_MAX_WORDS = 600

_IGNORE = re.compile(r"//\s*check:\s*ignore\s+([\w\s,-]+)", re.IGNORECASE)


def plural(count: int, word: str) -> str:
    """`1 warning`, `2 warnings`: messages read as sentences."""
    return f"{count} {word}{'' if count == 1 else 's'}"


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule reports. `col` None means "the first non-blank column of the line"."""

    message: str
    file: str
    line: int
    col: int | None = None
    hint: str | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    doc: str
    check: Callable[[LintContext], Iterable[Finding]]
    #: compiler diagnostic ids this rule overlaps: `check` drops the rule's finding when the
    #: compiler already reported one of these on the same line, so a writer never reads it twice
    covers: tuple[str, ...] = ()
    #: compiler diagnostic ids this rule's finding says more fully: `check` drops the compiler's
    #: diagnostic of one of these on the finding's line (one problem, one warning)
    replaces: tuple[str, ...] = ()
    #: what a finding stands on, which decides whether the rule can judge a story with compile
    #: errors (part of it may then be missing from the graph):
    #: "story" - a conclusion about the whole story, usually from something's absence (never
    #: written, unreachable): the rule runs only when the story compiled without errors;
    #: "node" - a conclusion from one knot's or stitch's content (no way out, a stuck choice set):
    #: findings in a node with an error are dropped;
    #: "finding" - points at something present (a write out of range): always runs.
    scope: Literal["story", "node", "finding"] = "story"


@dataclass(frozen=True, slots=True)
class LintOptions:
    #: the long-passage rule's threshold: words a reader reads without a choice
    max_words: int = DEFAULT_MAX_WORDS
    #: rule codes or names not to run
    disabled: frozenset[str] = frozenset()


class SourceCache:
    """Source lines by file, read once; a missing or unreadable file just has no lines."""

    def __init__(self, overrides: dict[str, str] | None = None, root: Path | None = None) -> None:
        self._lines: dict[str, list[str]] = {}
        self._overrides = overrides or {}
        #: the folder file names are relative to (the compiler names files from the main file's folder)
        self._root = root

    def lines(self, file: str) -> list[str]:
        if file not in self._lines:
            text = self._overrides.get(file)
            if text is None:
                path = Path(file) if self._root is None else self._root / file
                try:
                    text = path.read_text(encoding="utf-8-sig", errors="replace")
                except OSError:
                    text = ""
            self._lines[file] = text.splitlines()
        return self._lines[file]

    def line(self, file: str, number: int) -> str | None:
        lines = self.lines(file)
        return lines[number - 1] if 1 <= number <= len(lines) else None

    def find(self, file: str, needle: str) -> int | None:
        """The first line number containing `needle` (for facts the graph stores without a line)."""
        for number, text in enumerate(self.lines(file), 1):
            if needle in text:
                return number
        return None


@dataclass
class LintContext:
    graph: StoryGraph
    options: LintOptions = field(default_factory=LintOptions)
    sources: SourceCache = field(default_factory=SourceCache)
    #: how a file name is shown in messages (check shows paths from where it was run)
    display: Callable[[str], str] = str

    def where(self, file: str, line: int) -> str:
        """`file:line` for a message, spelled like the diagnostics' own places."""
        return f"{self.display(file)}:{line}"

    @cached_property
    def index(self) -> GraphIndex:
        return GraphIndex.build(self.graph)

    @cached_property
    def flow(self) -> FlowGraph:
        return build_flow(self.graph)

    @cached_property
    def liveness(self) -> Liveness:
        return Liveness.build(self.flow)

    @cached_property
    def reaching(self) -> Reaching:
        return Reaching.build(self.flow)

    @cached_property
    def passages(self) -> Passages:
        return Passages.build(self.graph, self.index)

    @cached_property
    def stats(self) -> dict[str, StatSpec]:
        """Declared stats by variable name (malformed declarations are the compiler's to report)."""
        return {spec.var: spec for spec in stat_specs(self.graph.global_tags)}

    def global_tag_line(self, tag: str) -> int:
        return self.sources.find(self.graph.main_file, tag.strip()) or 1

    def stat_line(self, var: str) -> int:
        """The line of `# stat: var, …` in the main file (the graph keeps global tags without lines)."""
        for tag in self.graph.global_tags:
            if stat_tag_var(tag) == var:
                return self.global_tag_line(tag)
        return 1


def _suppressed(sources: SourceCache, rule: Rule, finding: Finding) -> bool:
    for number in (finding.line, finding.line - 1):
        text = sources.line(finding.file, number)
        match = _IGNORE.search(text or "")
        if match:
            names = set(re.split(r"[\s,]+", match.group(1).strip().lower()))
            if rule.code.lower() in names or rule.name.lower() in names:
                return True
    return False


def to_diagnostic(rule: Rule, finding: Finding, sources: SourceCache) -> Diagnostic:
    excerpt = sources.line(finding.file, finding.line)
    col = finding.col
    if col is None:
        col = (len(excerpt) - len(excerpt.lstrip()) + 1) if excerpt else 1
    return Diagnostic(
        rule.code, finding.message, Span(finding.file, finding.line, col),
        hint=finding.hint, excerpt=excerpt, severity_override=rule.severity,
    )


def run_lint(
    graph: StoryGraph,
    rules: Sequence[Rule],
    options: LintOptions | None = None,
    sources: SourceCache | None = None,
    display: Callable[[str], str] = str,
) -> list[Diagnostic]:
    """Every enabled rule's findings on `graph`, as diagnostics sorted by place.

    `rules` is usually `dreamphases.tools.rules.RULES`; the registry imports this module, never the
    reverse, so the caller passes it."""
    ctx = LintContext(graph, options or LintOptions(), sources or SourceCache(), display)
    disabled = {d.lower() for d in ctx.options.disabled}
    out: list[Diagnostic] = []
    for rule in rules:
        if rule.code.lower() in disabled or rule.name.lower() in disabled:
            continue
        if rule.scope == "story" and not graph.clean:
            continue
        for finding in rule.check(ctx):
            if rule.scope == "node" and not ctx.index.clean_at(finding.file, finding.line):
                continue
            if not _suppressed(ctx.sources, rule, finding):
                out.append(to_diagnostic(rule, finding, ctx.sources))
    out.sort(key=lambda d: (d.span.file, d.span.line, d.span.col, d.code))
    return out
