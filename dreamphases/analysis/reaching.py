"""Forward "may have been written": at each point, which variables some path from the start of the
story may already have changed. A read of a variable outside that set can only see its initial value.

Jumps carry what is written so far to their targets; a call adds what the function may write; a tunnel
or thread adds what its target's knot (and the functions it calls) may write, since the reader comes
back. Over-approximating writes keeps every "only the initial value" finding proven.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from dreamphases.analysis.flow import Event, FlowGraph, build_flow
from dreamphases.compiler.graph import StoryGraph

__all__ = ["Reaching", "InitialRead"]

Written = frozenset[str]


@dataclass(frozen=True, slots=True)
class InitialRead:
    node: str
    event: Event


@dataclass
class Reaching:
    flow: FlowGraph
    #: node -> variables that may have been written on some path reaching it (absent: unreachable)
    written_in: dict[str, Written] = field(default_factory=dict)
    #: function -> may have been written at one of its call sites
    function_in: dict[str, Written] = field(default_factory=dict)

    @classmethod
    def build(cls, graph: StoryGraph | FlowGraph) -> Reaching:
        flow = graph if isinstance(graph, FlowGraph) else build_flow(graph)
        result = cls(flow)
        result._solve()
        return result

    def _writes_under(self, node_id: str) -> Written:
        """What the knot containing `node_id` (all its stitches and labels) may write."""
        return self.flow.knot_writes(node_id)

    def _step(self, event: Event, written: Written, node_id: str) -> tuple[Written, list[str]]:
        """What may be written after `event`, and the nodes it jumps to."""
        if event.kind == "write":
            return written | {event.name}, []
        if event.kind == "call":
            return written | self.flow.may_write.get(event.name, frozenset()), []
        if event.kind == "jump":
            targets = list(self.flow.jump_targets(event))
            edge = event.edge
            if edge is not None and edge.kind in ("tunnel", "thread"):
                for target in targets:
                    written = written | self._writes_under(target)
            return written, targets
        return written, []

    def _solve(self) -> None:
        graph = self.flow.graph
        if "" not in graph.nodes:
            return
        self.written_in[""] = self.flow.always_written
        todo = [""]
        while todo:
            node_id = todo.pop()
            written = self.written_in[node_id]
            for event in self.flow.events.get(node_id, ()):
                if event.kind == "call":
                    seen = self.function_in.get(event.name)
                    if seen is None or not written <= seen:
                        self.function_in[event.name] = (seen or frozenset()) | written
                written, targets = self._step(event, written, node_id)
                for target in targets:
                    self._reach(target, written, todo)
            node = graph.nodes.get(node_id)
            if node is not None and node.kind == "label" and node.parent in graph.nodes:
                # the reader falls out of a labelled choice's or gather's body into the rest of the
                # enclosing flow; the graph has no edge for it, so the parent's start stands in
                self._reach(str(node.parent), written, todo)
        # functions called from functions see what their callers may have written at the call
        changed = True
        while changed:
            changed = False
            for function in sorted(self.function_in):
                written = self.function_in[function]
                for event in self.flow.events.get(function, ()):
                    if event.kind == "call":
                        seen = self.function_in.get(event.name)
                        if seen is None or not written <= seen:
                            self.function_in[event.name] = (seen or frozenset()) | written
                            changed = True
                    written, _ = self._step(event, written, function)

    def _reach(self, target: str, written: Written, todo: list[str]) -> None:
        old = self.written_in.get(target)
        if old is None or not written <= old:
            self.written_in[target] = (old or frozenset()) | written
            todo.append(target)

    def initial_reads(self) -> Iterator[InitialRead]:
        """Reads of a variable the story changes somewhere, where no change can have happened yet."""
        changed_somewhere = {e.name for events in self.flow.events.values() for e in events if e.kind == "write"}
        for node_id, events in self.flow.events.items():
            start = self.function_in.get(node_id) if node_id in self.flow.functions else self.written_in.get(node_id)
            if start is None:
                continue  # never reached (or a function never called): other rules say so
            written = start
            for event in events:
                if event.kind == "read" and event.name in changed_somewhere and event.name not in written \
                        and (event.use is None or event.use.op != "ref"):
                    yield InitialRead(node_id, event)
                written, _ = self._step(event, written, node_id)
