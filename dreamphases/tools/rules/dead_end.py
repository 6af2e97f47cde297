"""L002: a knot with no way out, whose content can only run out.

ink stops the story with a "ran out of content" error there. The compiler's loose-end warning
(W001) points at each place where a knot's or stitch's content runs out (`Node.runs_out_at`); this
rule names the knot where *no* way out exists at all: it runs out somewhere, nothing in it or its
stitches diverts to another knot, to `END` or to `DONE`, and it does not return with `->->` (a
tunnel, `Node.returns`). A knot that only loops back into itself never runs out and is not reported.
The finding is placed where the knot first runs out and replaces the W001 there: one problem, one
warning.
"""

from __future__ import annotations

from collections.abc import Iterator

from dreamphases.compiler.diagnostics import Severity
from dreamphases.tools.analysis import is_terminal
from dreamphases.tools.lint import Finding, LintContext, Rule

#: edges that move the reader (a call returns, a "target" edge is a value)
_LEAVING = ("divert", "fallthrough", "tunnel", "thread", "choice")


def check(ctx: LintContext) -> Iterator[Finding]:
    index, nodes = ctx.index, ctx.graph.nodes
    for knot in index.nodes_of_kind("knot"):
        inside = index.subtree(knot.id)
        if any(nodes[n].returns for n in inside) or not any(nodes[n].runs_out for n in inside):
            continue
        exits = (
            e for n in inside for e in index.out_edges.get(n, ())
            if e.kind in _LEAVING and (is_terminal(e.target) or e.target not in inside)
        )
        if next(exits, None) is None:
            file, line = min((nodes[n].file, at) for n in inside for at in nodes[n].runs_out_at) \
                if any(nodes[n].runs_out_at for n in inside) else (knot.file, knot.line)
            yield Finding(
                f"the knot `{knot.id}` has no way out: it can only end by running out of content here",
                file, line,
                hint="end its paths with `-> END`, `-> DONE` or a divert to another knot",
            )


RULE = Rule("L002", "dead-end", Severity.WARNING,
            "A knot with no way out: every path through it runs out of content.", check, scope="node",
            replaces=("W001",))
