"""L017: a change to a `bond` stat with no later read: the player is told "Zara will remember that."
and, on every path from there, nothing ever does.

The same analysis as L015 (dead-write), worded as the player sees it; see `runtime/stats.py` for
the notes the player shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from dreamphases.compiler.diagnostics import Severity
from dreamphases.tools.lint import Finding, LintContext, Rule
from dreamphases.tools.rules.dead_write import column


def _falls(ctx: LintContext, file: str, line: int, name: str, op: str | None, value: object) -> bool:
    """Whether the change lowers the stat ("won't forget that"), as far as the source says."""
    if op in ("-=", "--"):
        return True
    if op in ("+=", "++"):
        return False
    text = ctx.sources.line(file, line) or ""
    found = re.search(rf"\b{re.escape(name)}\s*\(\s*(-)?", text)
    return bool(found and found.group(1))


def check(ctx: LintContext) -> Iterator[Finding]:
    bonds = {var: spec for var, spec in ctx.stats.items() if spec.kind == "bond"}
    for dead in ctx.liveness.dead_writes():
        spec = bonds.get(dead.variable)
        if spec is None:
            continue
        event = dead.event
        place = event.use or event.edge
        assert place is not None
        use = event.use
        falls = _falls(ctx, place.file, place.line, event.name, use.op if use else None,
                       use.value if use else None)
        note = f"{spec.label} won't forget that." if falls else f"{spec.label} will remember that."
        yield Finding(
            f"the player reads “{note}” here, but nothing later ever reads `{spec.var}`: "
            f"a promise without consequence",
            place.file, place.line,
            column(ctx, place.file, place.line, event.name + "(" if event.kind == "call" else spec.var),
            hint=f"let {spec.label} remember: read `{spec.var}` in a later scene, a gated choice or an ending",
        )


RULE = Rule("L017", "promise-without-consequence", Severity.WARNING,
            "A `bond` stat change (“X will remember that.”) that no later read observes.", check)
