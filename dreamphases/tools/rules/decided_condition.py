"""L018: a condition that is always true, or always false, where it stands, proven from value ranges.

Interval analysis over every path (`dreamphases.analysis.intervals`): initial values, constant
changes, `MIN`/`MAX` and the ranges ink functions return (a clamp). A condition is reported only when
every value the variables can hold there gives it the same truth; anything the analysis cannot bound
is left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from dreamphases.analysis.intervals import TOP, Ranges, decide
from dreamphases.compiler import expr_tree as T
from dreamphases.compiler.diagnostics import Severity
from dreamphases.tools.lint import Finding, LintContext, Rule
from dreamphases.tools.rules.dead_write import column


def _sites(ctx: LintContext) -> Iterator[tuple[str, str, int, T.Expr, str]]:
    for branch in ctx.graph.branches:
        if not branch.is_else and branch.condition != T.TRUE:
            yield branch.node, branch.file, branch.line, branch.condition, "condition"
    for choice in ctx.graph.choices:
        for cond in choice.conditions:
            yield choice.node, choice.file, choice.line, cond, "choice condition"


def check(ctx: LintContext) -> Iterator[Finding]:
    ranges = Ranges.build(ctx.flow)
    seen: set[tuple[str, int, T.Expr]] = set()
    for node, file, line, cond, what in _sites(ctx):
        if (file, line, cond) in seen:
            continue
        seen.add((file, line, cond))
        env = ranges.at(node, line)
        if env is None:
            continue
        names = [n for n in T.variables_read(cond) if n in ranges.numeric and env.get(n, TOP) != TOP]
        if not names:
            continue
        truth = decide(cond, env, ctx.graph)
        if truth is None:
            continue
        bounds = ", ".join(f"`{n}` is {env[n]}" for n in names)
        shown = T.source(cond)
        yield Finding(
            f"the {what} `{shown}` is always {'true' if truth else 'false'} here: {bounds} on every path",
            file, line, column(ctx, file, line, names[0]),
            hint="change the threshold or the steps that move the variable, or drop the condition"
                 if not truth else "drop the condition, or let the story move the variable past it",
        )


RULE = Rule("L018", "decided-condition", Severity.WARNING,
            "A condition always true or always false where it stands, proven from value ranges.", check)
