"""L010: an INCLUDEd file that contributes nothing the story uses.

A file is used when one of its knots is reachable, when its top-level content runs (an edge from
the reachable root is written in it), when a variable it declares is read or written, when a
function it defines is called, or when it INCLUDEs a file that is used (an index of acts).
"""

from __future__ import annotations

from collections.abc import Iterator

from dreamphases.compiler.diagnostics import Severity
from dreamphases.tools.lint import Finding, LintContext, Rule


def used_files(ctx: LintContext) -> set[str]:
    graph, reachable = ctx.graph, ctx.index.reachable()
    used = {graph.main_file}
    used |= {n.file for n in graph.nodes.values() if n.id in reachable and n.id != ""}
    used |= {e.file for e in graph.edges if e.source in reachable}
    used |= {c.file for c in graph.choices if c.node in reachable}
    named = {u.name for u in graph.uses} | {r for e in graph.edges for r in e.reads}
    used |= {v.file for v in graph.variables.values() if v.name in named}
    changed = True
    while changed:  # a file that only INCLUDEs used files is used too
        changed = False
        for parent, child, _line in graph.includes:
            if child in used and parent not in used:
                used.add(parent)
                changed = True
    return used


def check(ctx: LintContext) -> Iterator[Finding]:
    used = used_files(ctx)
    for parent, child, line in ctx.graph.includes:
        if child not in used:
            yield Finding(
                f"the included file `{child}` adds nothing the story reaches or uses",
                parent, line,
                hint="divert into its knots, or remove the INCLUDE",
            )


RULE = Rule("L010", "unused-include", Severity.WARNING,
            "An INCLUDEd file none of whose knots, text, variables or functions is used.", check)
