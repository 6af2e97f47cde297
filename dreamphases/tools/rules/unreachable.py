"""L001: a knot, stitch or label the reader can never get to.

Reachability follows every divert, choice, tunnel, thread, fall-through and call from the top of
the story (and counts `-> knot` values stored in variables as reachable). Only the outermost
unreachable node is reported: a dead knot's stitches are not listed one by one.
"""

from __future__ import annotations

from collections.abc import Iterator

from dreamphases.compiler.diagnostics import Severity
from dreamphases.tools.lint import Finding, LintContext, Rule

_KINDS = ("knot", "stitch", "label")


def check(ctx: LintContext) -> Iterator[Finding]:
    reachable = set(ctx.index.reachable())
    nodes = ctx.graph.nodes
    for node_id in list(reachable):  # a knot entered only at one of its stitches is still in use
        up = nodes[node_id].parent if node_id in nodes else None
        while up and up not in reachable:
            reachable.add(up)
            up = nodes[up].parent if up in nodes else None
    for node in ctx.index.nodes_of_kind(*_KINDS):
        if node.id in reachable:
            continue
        parent = nodes.get(node.parent or "")
        if parent is not None and parent.kind in _KINDS and parent.id not in reachable:
            continue
        yield Finding(
            f"the {node.kind} `{node.id}` is never reached: nothing diverts to it",
            node.file, node.line,
            hint=f"divert to it (`-> {node.id}`) from somewhere the reader goes, or delete it",
        )


RULE = Rule("L001", "unreachable", Severity.WARNING,
            "A knot, stitch or label that no path from the start of the story reaches.", check)
