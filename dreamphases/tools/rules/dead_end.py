"""L002: a knot whose every path ends by running out of content.

ink stops the story with a "ran out of content" error there. The compiler's loose-end warning
(W001) points at each loose weave; this rule names the knot where *no* way out exists at all: no
divert to another knot, to `END` or to `DONE`, anywhere in the knot or its stitches. Tunnels
(knots entered with `-> knot ->`) return with `->->`, which is not an edge, so they count as having
a way out unless a node in them is marked as running out.
"""

from __future__ import annotations

from collections.abc import Iterator

from dreamphases.compiler.diagnostics import Severity
from dreamphases.tools.analysis import is_terminal
from dreamphases.tools.lint import Finding, LintContext, Rule


def check(ctx: LintContext) -> Iterator[Finding]:
    index = ctx.index
    tunnels = {e.target for e in ctx.graph.edges if e.kind == "tunnel"}
    for knot in index.nodes_of_kind("knot"):
        inside = index.subtree(knot.id)
        # a knot with no way out is fine when it is a tunnel (`->->` returns; the graph has no edge
        # for that), unless the compiler says its content runs out
        if knot.id in tunnels and not any(ctx.graph.nodes[n].runs_out for n in inside):
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
