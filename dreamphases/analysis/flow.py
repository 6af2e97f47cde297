"""The story graph as per-node event lists: what a reader's pass through each node reads, writes,
calls and jumps to, in source order.

Inside one node the events are ordered by line (reads, then calls, then writes, then jumps on the same
line), and every later event is taken to be reachable from every earlier one. That over-approximates
the paths through the node's branches, so the analyses built on it only ever err towards "may be
read" and "may have been written": they report what holds on every path, never a guess. For the same
reason a write never *kills* liveness here (it may sit in a branch).

A read on the right-hand side of an assignment to a global is attached to that write (`feeds` in the
graph): `~ x = x + 1` alone does not observe `x`, so a chain of changes with no real read after them
is still dead ("strong" liveness). Functions are summarised: what a call observes and may write.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from dreamphases.compiler.graph import Edge, StoryGraph, VarUse

__all__ = ["Event", "FlowGraph", "build_flow", "JUMPS"]

#: edges along which the reader moves (a "call" is a function call, a "target" only names a knot)
JUMPS = frozenset({"divert", "choice", "tunnel", "thread", "fallthrough"})

EventKind = Literal["read", "call", "write", "jump"]
_RANK = {"read": 0, "call": 1, "write": 2, "jump": 3}


@dataclass(slots=True)
class Event:
    kind: EventKind
    line: int
    #: read/write: the variable; call: the function; jump: the target node (or END/DONE/*var)
    name: str
    #: write: the reads feeding it (its right-hand side); read: empty
    feeds: frozenset[str] = frozenset()
    use: VarUse | None = None
    edge: Edge | None = None


@dataclass(slots=True)
class FlowGraph:
    graph: StoryGraph
    #: the variables the analyses follow: global VARs and LISTs (not CONSTs, temps or parameters)
    variables: frozenset[str]
    #: node id -> its events in order (functions included, under their own name)
    events: dict[str, list[Event]] = field(default_factory=dict)
    functions: frozenset[str] = frozenset()
    #: nodes a `-> variable` divert may reach (every knot stored as a divert-target value)
    dynamic_targets: frozenset[str] = frozenset()
    #: function -> every global it (or a function it calls) may write
    may_write: dict[str, frozenset[str]] = field(default_factory=dict)
    #: a function stored in a variable (`VAR f = -> fn`) may be called anywhere through it, with no
    #: call edge: what it reads counts as read everywhere, what it writes as written from the start
    always_read: frozenset[str] = frozenset()
    always_written: frozenset[str] = frozenset()

    _knot_writes: dict[str, frozenset[str]] = field(default_factory=dict)
    #: `dynamic_targets` as the tuple `jump_targets` gives out (built once, in one order)
    _dynamic: tuple[str, ...] | None = None

    def knot_writes(self, node_id: str) -> frozenset[str]:
        """What the knot containing `node_id` (its stitches and labels, the functions they call) may
        write: what a tunnel or thread into it may change before the reader comes back."""
        knot = node_id.split(".", 1)[0]
        found = self._knot_writes.get(knot)
        if found is None:
            if not self._knot_writes:
                self._index_knot_writes()
            found = self._knot_writes.get(knot, frozenset())
        return found

    def _index_knot_writes(self) -> None:
        by_knot: dict[str, set[str]] = {}
        for owner, events in self.events.items():
            names = by_knot.setdefault(owner.split(".", 1)[0], set())
            for event in events:
                if event.kind == "write":
                    names.add(event.name)
                elif event.kind == "call":
                    names |= self.may_write.get(event.name, frozenset())
        self._knot_writes = {k: frozenset(v) for k, v in by_knot.items()}
        self._knot_writes.setdefault("", frozenset())

    def jump_targets(self, event: Event) -> tuple[str, ...]:
        if event.name.startswith("*"):
            if self._dynamic is None:
                self._dynamic = tuple(self.dynamic_targets)
            return self._dynamic
        return (event.name,) if event.name in self.graph.nodes else ()


def build_flow(graph: StoryGraph) -> FlowGraph:
    variables = frozenset(name for name, decl in graph.variables.items() if decl.kind in ("var", "list"))
    functions = frozenset(n.id for n in graph.nodes.values() if n.kind == "function")
    flow = FlowGraph(graph, variables, functions=functions,
                     dynamic_targets=frozenset(e.target for e in graph.edges
                                               if e.kind == "target" and e.target in graph.nodes))
    feeding: dict[tuple[str, int, str], set[str]] = {}
    for use in graph.uses:
        if use.mode == "read" and use.feeds is not None and use.name in variables:
            feeding.setdefault((use.node, use.line, use.feeds), set()).add(use.name)
    for use in graph.uses:
        if use.name not in variables:
            continue
        events = flow.events.setdefault(use.node, [])
        if use.mode == "read":
            if use.feeds is None:
                events.append(Event("read", use.line, use.name, use=use))
        elif use.op == "ref":  # a `ref` argument: the function may read and write it
            events.append(Event("read", use.line, use.name, use=use))
            events.append(Event("write", use.line, use.name, frozenset({use.name}), use=use))
        else:
            own = frozenset(feeding.get((use.node, use.line, use.name), ()))
            if use.op != "=":
                own |= {use.name}
            events.append(Event("write", use.line, use.name, own, use=use))
    for edge in graph.edges:
        if edge.kind == "call" and edge.target in functions:
            flow.events.setdefault(edge.source, []).append(Event("call", edge.line, edge.target, edge=edge))
        elif edge.kind in JUMPS:
            flow.events.setdefault(edge.source, []).append(Event("jump", edge.line, edge.target, edge=edge))
    for events in flow.events.values():
        events.sort(key=lambda e: (e.line, _RANK[e.kind]))
    _summarise_writes(flow)
    dynamic = [f for f in flow.dynamic_targets if f in functions]
    flow.always_read = frozenset(v for f in dynamic for e in flow.events.get(f, ()) if e.kind != "jump"
                                 for v in ({e.name} if e.kind == "read" else e.feeds if e.kind == "write" else ()))
    flow.always_written = frozenset(v for f in dynamic for v in flow.may_write.get(f, frozenset()))
    return flow


def _summarise_writes(flow: FlowGraph) -> None:
    direct = {f: {e.name for e in flow.events.get(f, ()) if e.kind == "write"} for f in flow.functions}
    calls = {f: {e.name for e in flow.events.get(f, ()) if e.kind == "call"} for f in flow.functions}
    changed = True
    while changed:  # a fixpoint: functions may call each other, recursively too
        changed = False
        for f in flow.functions:
            for g in calls[f]:
                if not direct[g] <= direct[f]:
                    direct[f] |= direct[g]
                    changed = True
    flow.may_write = {f: frozenset(v) for f, v in direct.items()}
