"""L015: a change to a variable that no later read can observe, on any path from it.

Static and exhaustive (`dreamphases.analysis.liveness`): reads in conditions, printed text, choice
conditions and function bodies count, through diverts, choices, tunnels, threads, function calls and
`ref` arguments; `~ x = x + 1` alone is not a read. A change made inside a function is reported at the
call. Changes to `bond` stats are L017's (worded as the player sees them).
"""

from __future__ import annotations

from collections.abc import Iterator

from dreamphases.compiler.diagnostics import Severity
from dreamphases.tools.lint import Finding, LintContext, Rule


def column(ctx: LintContext, file: str, line: int, name: str) -> int | None:
    text = ctx.sources.line(file, line) or ""
    at = text.find(name)
    return at + 1 if at >= 0 else None


def check(ctx: LintContext) -> Iterator[Finding]:
    bonds = {var for var, spec in ctx.stats.items() if spec.kind == "bond"}
    for dead in ctx.liveness.dead_writes():
        if dead.variable in bonds:
            continue
        event = dead.event
        place = event.use or event.edge
        assert place is not None
        if event.kind == "call":
            message = (f"`{event.name}(…)` changes `{dead.variable}` here, and no later read on any path "
                       f"observes it")
            col = column(ctx, place.file, place.line, event.name + "(")
        else:
            message = f"`{dead.variable}` is changed here, and no later read on any path observes it"
            col = column(ctx, place.file, place.line, dead.variable)
        yield Finding(message, place.file, place.line, col,
                      hint="read it where it should matter (a condition, a gated choice, printed text), "
                           "or drop the change")


RULE = Rule("L015", "dead-write", Severity.WARNING,
            "A change to a variable that no later read can observe, on any path from it.", check)
