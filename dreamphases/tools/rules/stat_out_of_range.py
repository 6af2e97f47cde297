"""L006: a stat set (or initialised) to a constant outside its declared range, or moved by a
constant step larger than the whole range.

ink does not clamp, so the value really leaves the range and the player's meter pins at an end.
Only writes whose value the compiler folded to a constant are judged.
"""

from __future__ import annotations

from collections.abc import Iterator

from dreamphases.compiler.diagnostics import Severity
from dreamphases.compiler.expr_tree import Unknown, fold
from dreamphases.statspec import StatSpec
from dreamphases.tools.lint import Finding, LintContext, Rule


def _range(spec: StatSpec) -> str:
    return f"{spec.low:g}..{spec.high:g}"


def _column(ctx: LintContext, file: str, line: int, var: str) -> int | None:
    text = ctx.sources.line(file, line) or ""
    at = text.find(var)
    return at + 1 if at >= 0 else None


def check(ctx: LintContext) -> Iterator[Finding]:
    for var, spec in ctx.stats.items():
        decl = ctx.graph.variables.get(var)
        if decl is not None and decl.value is not None:
            try:
                initial = fold(decl.value)
            except Unknown:
                initial = None
            if isinstance(initial, int | float) and not isinstance(initial, bool) \
                    and not spec.low <= initial <= spec.high:
                yield Finding(
                    f"the stat `{var}` starts at {initial:g}, outside its declared range {_range(spec)}",
                    decl.file, decl.line, _column(ctx, decl.file, decl.line, var),
                    hint="start it inside the range, or widen the range in its `# stat:` tag",
                )
        for use in ctx.graph.uses:
            if use.name != var or use.mode != "write" or isinstance(use.value, bool) or use.value is None:
                continue
            value = use.value
            if use.op == "=" and not spec.low <= value <= spec.high:
                message = f"`{var} = {value:g}` is outside the stat's declared range {_range(spec)}"
            elif use.op in ("+=", "-=") and abs(value) > spec.high - spec.low:
                message = (f"`{var} {use.op} {value:g}` moves the stat by more than its whole range "
                           f"{_range(spec)}")
            else:
                continue
            yield Finding(message, use.file, use.line, _column(ctx, use.file, use.line, var),
                          hint="keep stat changes inside the range the player's meter shows")


RULE = Rule("L006", "stat-out-of-range", Severity.WARNING,
            "A stat assigned (or initialised to) a constant outside its declared range.", check, scope="finding")
