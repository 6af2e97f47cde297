"""Backward liveness: at each point, which variables some later read on some path can observe.

`live_variables(graph, node)` is the public question (the explorer asks it to merge states that differ
only in what no later read observes); `Liveness` also answers it between events, which the dead-write
rule needs. See `flow.py` for how the events over-approximate the paths, so "not live" is proven.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from dreamphases.analysis.flow import Event, FlowGraph, build_flow
from dreamphases.compiler.graph import StoryGraph

__all__ = ["Liveness", "live_variables", "DeadWrite"]

Live = frozenset[str]


@dataclass(frozen=True, slots=True)
class DeadWrite:
    """A change no later read observes: `event` is the write (or the call that makes it)."""

    node: str
    event: Event
    variable: str


@dataclass
class Liveness:
    flow: FlowGraph
    #: node -> variables live on entering it
    live_in: dict[str, Live] = field(default_factory=dict)
    #: knot/stitch that returns (`->->`) -> what is live after its tunnel call sites
    returns_to: dict[str, Live] = field(default_factory=dict)
    #: node -> live on entering it when every `->->` is taken to return to nothing: what a tunnel
    #: itself observes, so one call site's continuation does not leak into every other's
    own_in: dict[str, Live] = field(default_factory=dict)
    _summaries: dict[tuple[str, Live], Live] = field(default_factory=dict)
    _active: set[str] = field(default_factory=set)
    _own: bool = False
    _dead_calls: dict[tuple[str, Live], frozenset[str]] = field(default_factory=dict)
    #: per round of the fixpoint: what is live at each node's end (see `_node_end`)
    _ends: dict[str, Live] = field(default_factory=dict)
    _flows: dict[str, list[str]] = field(default_factory=dict)
    _subtree_events: dict[str, list[Event]] = field(default_factory=dict)
    #: node -> `_owner(node)`, asked for every label on every round of the fixpoint
    _owners: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, graph: StoryGraph | FlowGraph) -> Liveness:
        flow = graph if isinstance(graph, FlowGraph) else build_flow(graph)
        result = cls(flow)
        result._own = True
        result._solve()
        result.own_in = result.live_in
        result.live_in = {}
        result._own = False
        result._solve()
        return result

    # -- function summaries -------------------------------------------------------------------------
    def call(self, function: str, after: Live) -> Live:
        """What is live before a call to `function`, given what is live after it."""
        touched = after & self.flow.may_write.get(function, frozenset())
        key = (function, touched)
        cached = self._summaries.get(key)
        if cached is None:
            if function in self._active:  # recursion: everything the function reads may matter
                return after | frozenset(e.name for e in self.flow.events.get(function, ())
                                         if e.kind == "read") | frozenset(
                    v for e in self.flow.events.get(function, ()) if e.kind == "write" for v in e.feeds)
            self._active.add(function)
            try:
                cached = self._backward(function, touched)
            finally:
                self._active.discard(function)
            self._summaries[key] = cached
        return after | cached

    def dead_in_call(self, function: str, after: Live) -> frozenset[str]:
        """The variables a call changes where no read, in the function or after the call, observes
        any of those changes (a change the function itself goes on to use is not dead)."""
        key = (function, after & self.flow.may_write.get(function, frozenset()))
        cached = self._dead_calls.get(key)
        if cached is not None:
            return cached
        if function in self._active:
            return frozenset()
        self._active.add(function)
        try:
            written: set[str] = set()
            used: set[str] = set()
            live = after
            for event in reversed(self.flow.events.get(function, ())):
                if event.kind == "write":
                    written.add(event.name)
                    if event.name in live:
                        used.add(event.name)
                elif event.kind == "call":
                    inner = self.flow.may_write.get(event.name, frozenset())
                    written |= inner
                    used |= inner - self.dead_in_call(event.name, live)
                live = self._step(event, live)
        finally:
            self._active.discard(function)
        result = frozenset(written - used)
        self._dead_calls[key] = result
        return result

    # -- the fixpoint -----------------------------------------------------------------------------------
    def _node_end(self, node_id: str) -> Live:
        """What is live when a node's own content is done: after `->->`, what follows its tunnel calls;
        after a labelled choice's or gather's body, whatever follows it in the enclosing flow. The graph
        has no edge for falling out of a label's body, and does not say which labelled option a label
        is nested in, so the rest of every node of the same flow that starts before it stands in."""
        cached = self._ends.get(node_id)
        if cached is not None:
            return cached
        nodes = self.flow.graph.nodes
        node = nodes.get(node_id)
        live: Live = self.flow.always_read
        if node is not None:
            if node.returns and not self._own:
                live = live | self.returns_to.get(self._owner(node_id), frozenset())
            if node.kind == "label":
                for other in self._same_flow(node_id):
                    enclosing = nodes[other]
                    if other == node_id or (enclosing.kind == "label" and enclosing.line >= node.line):
                        continue
                    after = self._node_end(other)
                    for event in reversed(self.flow.events.get(other, ())):
                        if event.line <= node.line:
                            break
                        after = self._step(event, after)
                    live = live | after
        self._ends[node_id] = live
        return live

    def _same_flow(self, node_id: str) -> list[str]:
        if not self._flows:
            for other in self.flow.graph.nodes:
                self._flows.setdefault(self._owner(other), []).append(other)
        return self._flows.get(self._owner(node_id), [])

    def _owner(self, node_id: str) -> str:
        """The knot or stitch a `->->` in this node returns from (labels belong to their flow)."""
        found = self._owners.get(node_id)
        if found is None:
            nodes = self.flow.graph.nodes
            node = nodes.get(node_id)
            while node is not None and node.kind == "label" and node.parent is not None:
                node = nodes.get(node.parent)
            found = self._owners[node_id] = node.id if node is not None else node_id
        return found

    def _step(self, event: Event, live: Live, record: bool = False) -> Live:
        """What is live before `event`, given `live` after it."""
        if event.kind == "read":
            return live | {event.name}
        if event.kind == "write":
            return live | event.feeds if event.name in live else live
        if event.kind == "call":
            return self.call(event.name, live)
        # a jump: the reader may go there (and, the events being a superset of the paths, may not)
        edge = event.edge
        if edge is not None and edge.kind == "tunnel" and event.name in self.flow.graph.nodes:
            if record and not self._own:
                owner = self._owner(event.name)
                self.returns_to[owner] = self.returns_to.get(owner, frozenset()) | live
            # the reader comes back here: what is live after the call, what the tunnel itself reads,
            # and what its changes to live variables are computed from
            return self._through_tunnel(event.name, live | self.own_in.get(event.name, frozenset()))
        for target in self.flow.jump_targets(event):
            live = live | self.live_in.get(target, frozenset())
        return live

    def _through_tunnel(self, target: str, live: Live) -> Live:
        knot = target.split(".", 1)[0]
        events = self._subtree_events.get(knot)
        if events is None:
            events = [e for owner, evs in self.flow.events.items()
                      if owner == knot or owner.startswith(knot + ".") for e in evs]
            self._subtree_events[knot] = events
        while True:
            grown = live
            for event in events:
                if event.kind == "write" and event.name in grown:
                    grown = grown | event.feeds
                elif event.kind == "call":
                    grown = self.call(event.name, grown)
            if grown == live:
                return live
            live = grown

    def _backward(self, node_id: str, live: Live, record: bool = False) -> Live:
        for event in reversed(self.flow.events.get(node_id, ())):
            live = self._step(event, live, record)
        return live

    def _solve(self) -> None:
        nodes = [n for n in self.flow.graph.nodes if n not in self.flow.functions]
        changed = True
        rounds = 0
        while changed:
            changed = False
            rounds += 1
            self._ends = {}
            for node_id in reversed(nodes):
                before_returns = dict(self.returns_to)
                new = self._backward(node_id, self._node_end(node_id), record=True)
                if new != self.live_in.get(node_id, frozenset()):
                    self.live_in[node_id] = new
                    changed = True
                if self.returns_to != before_returns:
                    changed = True

    # -- questions ----------------------------------------------------------------------------------------
    def dead_writes(self) -> Iterator[DeadWrite]:
        """Every write (direct, or through a call) whose variable no later read can observe."""
        for node_id, events in self.flow.events.items():
            if node_id in self.flow.functions:
                continue
            live = self._node_end(node_id)
            found: list[DeadWrite] = []
            for event in reversed(events):
                if event.kind == "write" and event.name not in live:
                    found.append(DeadWrite(node_id, event, event.name))
                elif event.kind == "call":
                    for var in sorted(self.dead_in_call(event.name, live)):
                        found.append(DeadWrite(node_id, event, var))
                live = self._step(event, live)
            yield from reversed(found)


def live_variables(graph: StoryGraph | Liveness, at_node: str) -> frozenset[str]:
    """The global variables some read on some path from the start of `at_node` can observe.

    Two runtime states at the start of `at_node` that differ only in global variables outside this set
    play identically from there on (temporaries and visit counts are not covered: compare them as
    they are). Pass a `Liveness` to ask many times (it is built once per graph)."""
    liveness = graph if isinstance(graph, Liveness) else Liveness.build(graph)
    return liveness.live_in.get(at_node, frozenset())
