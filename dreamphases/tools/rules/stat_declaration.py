"""L012: a `# stat:` tag that is malformed or names a missing or non-numeric variable.

The grammar is `dreamphases.statspec`'s (the one parser of it); the compiler reports malformed tags
as W005 and `check` shows each problem once.
"""

from __future__ import annotations

from collections.abc import Iterator

from dreamphases.compiler.diagnostics import Severity
from dreamphases.compiler.expr_tree import Unknown, fold
from dreamphases.statspec import validate_stat_tags
from dreamphases.tools.lint import Finding, LintContext, Rule


def _initial_values(ctx: LintContext) -> dict[str, object]:
    values: dict[str, object] = {}
    for decl in ctx.graph.variables.values():
        if decl.kind not in ("var", "const"):
            continue
        try:
            if decl.value is None:
                raise Unknown(decl.name)
            values[decl.name] = fold(decl.value)
        except Unknown:
            values[decl.name] = 0  # not foldable here (an expression): judge the name only
    return values


def check(ctx: LintContext) -> Iterator[Finding]:
    for problem in validate_stat_tags(ctx.graph.global_tags, _initial_values(ctx)):
        line = ctx.global_tag_line(problem.tag) if problem.tag else ctx.sources.find(
            ctx.graph.main_file, "stat:") or 1
        yield Finding(problem.message, ctx.graph.main_file, line, hint=problem.hint)


RULE = Rule("L012", "stat-declaration", Severity.WARNING,
            "A `# stat:` tag that is malformed or names a missing or non-numeric variable.", check,
            covers=("W005",))
