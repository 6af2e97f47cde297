"""L016: a read of a variable that no change can reach: on every path to it, the variable still holds
its initial value, although the story changes it elsewhere (e.g. a flag set only after the place it
is read).

Static and exhaustive (`dreamphases.analysis.reaching`): changes through function calls, `ref`
arguments, tunnels and threads count. Variables the story never changes are constants in all but
name, and not reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from dreamphases.compiler.diagnostics import Severity
from dreamphases.tools.lint import Finding, LintContext, Rule
from dreamphases.tools.rules.dead_write import column


def _condition_lines(ctx: LintContext) -> set[tuple[str, int]]:
    """Where conditions are written: a condition that can only see the initial value is decided
    before anyone plays; printing a start value (`You have {gold} coins.`) is not a defect."""
    graph = ctx.graph
    lines = {(b.file, b.line) for b in graph.branches}
    lines |= {(c.file, c.line) for c in graph.choices if c.conditions}
    lines |= {(e.file, e.line) for e in graph.edges if e.conditions}
    return lines


def check(ctx: LintContext) -> Iterator[Finding]:
    conditions = _condition_lines(ctx)
    for found in ctx.reaching.initial_reads():
        use = found.event.use
        assert use is not None
        if (use.file, use.line) not in conditions:
            continue
        decl = ctx.graph.variables.get(use.name)
        initial = f" ({decl.initial})" if decl is not None and decl.initial else ""
        yield Finding(
            f"this condition reads `{use.name}`, but no change to it can happen before: it only ever sees "
            f"the initial value{initial}",
            use.file, use.line, column(ctx, use.file, use.line, use.name),
            hint="set it on the way here, or move the read after the scene that sets it",
        )


RULE = Rule("L016", "initial-value-read", Severity.WARNING,
            "A read that no change can reach: it only ever sees the variable's initial value.", check)
