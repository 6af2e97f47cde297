"""L031: a loop that, once entered, runs forever with no text and no choice (`- (l)` then `-> l`).

The player would hang on it (the runtime's budget stops it after seconds, `dreamphases/runtime/engine.py`)
and the explorer reports it as a runaway line. The rule reports only what it can prove from the story
graph: a set of reachable places none of which prints anything (no words, no `{…}` that reads a
value or calls a function, no conditional content), offers a choice, runs out, or leaves through
anything but unconditional diverts into the same set. Writes (`~ x++`) do not help: they print nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from dreamphases.compiler.diagnostics import Severity
from dreamphases.compiler.graph import Node
from dreamphases.tools.lint import Finding, LintContext, Rule


def _silent(node: Node, ctx: LintContext, printing: set[str]) -> bool:
    return (node.words == 0 and not node.runs_out and not node.returns and node.kind != "function"
            and node.clean and node.id not in printing)


def check(ctx: LintContext) -> Iterator[Finding]:
    graph = ctx.graph
    # places whose content can print or branch, whatever their word count says
    printing = {u.node for u in graph.uses if u.mode == "read"} | {c.node for c in graph.choices}
    printing |= {b.node for b in graph.branches}
    exits: dict[str, set[str]] = {}
    for edge in graph.edges:
        step = exits.setdefault(edge.source, set())
        if edge.kind in ("divert", "fallthrough") and not edge.conditions and edge.target in graph.nodes:
            step.add(edge.target)
        else:  # a choice, a call, a tunnel, a condition, END or DONE: a way out (or output) we don't judge
            printing.add(edge.source)
    stuck = {n for n, node in graph.nodes.items() if _silent(node, ctx, printing) and exits.get(n)}
    # the largest set that never leaves itself: drop any place with a way out of the set, until none
    changed = True
    while changed:
        leaving = {n for n in stuck if not exits[n] <= stuck}
        stuck -= leaving
        changed = bool(leaving)
    reachable = ctx.index.reachable()
    reported: set[str] = set()
    for node_id in sorted(stuck, key=lambda n: (graph.nodes[n].file, graph.nodes[n].line)):
        if node_id in reported or node_id not in reachable:
            continue
        loop = _cycle_from(node_id, exits)
        reported |= loop
        node = graph.nodes[node_id]
        names = " → ".join(f"`{n}`" for n in loop) if len(loop) > 1 else f"`{node_id}`"
        yield Finding(
            f"once the story reaches {names} it loops forever with no text and no choice: "
            "the player would hang there",
            node.file, node.line,
            hint="give the loop a way out (a choice, a condition that can change, or `-> END`)",
        )


def _cycle_from(start: str, exits: dict[str, set[str]]) -> set[str]:
    """The places visited from `start` (all inside the stuck set, by construction)."""
    seen, todo = {start}, [start]
    while todo:
        for nxt in sorted(exits.get(todo.pop(), ())):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


RULE = Rule("L031", "silent-loop", Severity.WARNING,
            "A loop that, once entered, runs forever with no text and no choice (the player would hang).",
            check, scope="node")
