"""L007: a divert, tunnel or thread to a knot or stitch with the wrong number of arguments.

ink fails at runtime when the reader gets there. The compiler reports argument counts too (E015);
`check` shows a finding only once, preferring the compiler's.
"""

from __future__ import annotations

from collections.abc import Iterator

from dreamphases.compiler.diagnostics import Severity
from dreamphases.tools.lint import Finding, LintContext, Rule, plural

_KINDS = ("divert", "choice", "tunnel", "thread")


def check(ctx: LintContext) -> Iterator[Finding]:
    for edge in ctx.graph.edges:
        target = ctx.graph.nodes.get(edge.target)
        if edge.kind not in _KINDS or target is None or target.kind == "label":
            continue
        wanted = len(target.params)
        if edge.arg_count == wanted:
            continue
        takes = f"takes {plural(wanted, 'argument')}" + (f" ({', '.join(target.params)})" if wanted else "")
        yield Finding(
            f"this {edge.kind} to `{target.id}` passes {plural(edge.arg_count, 'argument')}, "
            f"but the {target.kind} {takes}",
            edge.file, edge.line,
            hint=f"`{target.id}` is declared at {ctx.where(target.file, target.line)}",
        )


RULE = Rule("L007", "divert-arguments", Severity.ERROR,
            "A divert to a knot or stitch with the wrong number of arguments.", check,
            covers=("E015",), scope="finding")
