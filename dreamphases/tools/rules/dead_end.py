"""L002: a knot whose every path ends by running out of content.

ink stops the story with a "ran out of content" error there. The compiler's loose-end warning
(W001) points at each loose weave; this rule names the knot where *no* way out exists at all: no
divert to another knot, to `END` or to `DONE`, anywhere in the knot or its stitches.
"""

from __future__ import annotations

from collections.abc import Iterator

from dreamphases.compiler.diagnostics import Severity
from dreamphases.tools.analysis import is_terminal
from dreamphases.tools.lint import Finding, LintContext, Rule


def check(ctx: LintContext) -> Iterator[Finding]:
    index = ctx.index
    for knot in index.nodes_of_kind("knot"):
        inside = index.subtree(knot.id)
        if not any(ctx.graph.nodes[n].runs_out for n in inside):
            continue
        exits = (
            e for n in inside for e in index.out_edges.get(n, ())
            if e.kind != "call" and (is_terminal(e.target) or e.target not in inside)
        )
        if next(exits, None) is None:
            yield Finding(
                f"the knot `{knot.id}` can only end by running out of content",
                knot.file, knot.line,
                hint="end its paths with `-> END`, `-> DONE` or a divert to another knot",
            )


RULE = Rule("L002", "dead-end", Severity.WARNING,
            "A knot with no way out: every path through it runs out of content.", check)
