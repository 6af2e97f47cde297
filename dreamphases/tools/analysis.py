"""Questions about a story graph that several tools ask: what is reachable, which knot owns a node,
which endings a `-> END` closes. (How many words a reader reads along the way is `reading.py`'s.)

Kept separate from the rules so `check`, `stats` and `map` agree on one answer to each question.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from dreamphases.compiler.graph import Edge, Node, StoryGraph

__all__ = ["GraphIndex", "TERMINALS", "is_terminal", "via_choice"]

#: Edge targets that are not nodes.
TERMINALS = frozenset({"END", "DONE"})


def via_choice(edge: Edge) -> bool:
    """True for an edge the reader takes by choosing (written in a choice's body)."""
    return edge.choice is not None or edge.kind == "choice"


def is_terminal(target: str) -> bool:
    return target in TERMINALS or target.startswith("*")


@dataclass
class GraphIndex:
    """Adjacency and ownership of one graph, built once and shared by every rule."""

    graph: StoryGraph
    out_edges: dict[str, list[Edge]] = field(default_factory=dict)
    in_edges: dict[str, list[Edge]] = field(default_factory=dict)
    children: dict[str, list[str]] = field(default_factory=dict)
    _reachable: frozenset[str] | None = None
    _choice_nodes: frozenset[str] | None = None

    @classmethod
    def build(cls, graph: StoryGraph) -> GraphIndex:
        index = cls(graph)
        for edge in graph.edges:
            index.out_edges.setdefault(edge.source, []).append(edge)
            index.in_edges.setdefault(edge.target, []).append(edge)
        for node in graph.nodes.values():
            if node.parent is not None and node.id != "":
                index.children.setdefault(node.parent, []).append(node.id)
        return index

    # -- ownership ------------------------------------------------------------------------------
    def node_at(self, file: str, line: int) -> Node:
        """The innermost knot, stitch or function whose header is at or above `line` in `file`
        (the root for lines before a file's first knot)."""
        heads = sorted(((n.line, n.id) for n in self.graph.nodes.values()
                        if n.file == file and n.kind in ("knot", "stitch", "function") and n.line <= line),
                       reverse=True)
        return self.graph.nodes[heads[0][1]] if heads else self.graph.nodes[""]

    def clean_at(self, file: str, line: int) -> bool:
        """No compile error in the node that holds `line` (see `Node.clean`)."""
        return self.graph.clean or self.node_at(file, line).clean

    def top(self, node_id: str) -> str:
        """The knot (or function, or the root) that contains `node_id`."""
        seen: set[str] = set()
        current = node_id
        while current not in seen:
            seen.add(current)
            node = self.graph.nodes.get(current)
            if node is None or node.parent in (None, "") or node.kind in ("knot", "function", "root"):
                return current
            current = node.parent
        return current

    def subtree(self, node_id: str) -> set[str]:
        """`node_id` and every stitch and label nested in it."""
        found = {node_id}
        todo = [node_id]
        while todo:
            for child in self.children.get(todo.pop(), ()):
                if child not in found:
                    found.add(child)
                    todo.append(child)
        return found

    def nodes_of_kind(self, *kinds: str) -> Iterator[Node]:
        return (n for n in self.graph.nodes.values() if n.kind in kinds)

    # -- flow -----------------------------------------------------------------------------------
    def successors(self, node_id: str, kinds: Iterable[str] | None = None,
                   after_choice: bool | None = None) -> Iterator[str]:
        """Nodes `node_id` leads to. `after_choice` False keeps only edges taken without choosing
        (an edge written in a choice's body carries that choice's index), True only the others."""
        wanted = None if kinds is None else set(kinds)
        for edge in self.out_edges.get(node_id, ()):
            if after_choice is not None and after_choice != via_choice(edge):
                continue
            if (wanted is None or edge.kind in wanted) and edge.target in self.graph.nodes:
                yield edge.target

    def reachable(self) -> frozenset[str]:
        """Every node the reader (or a function call) can get to from the top of the story."""
        if self._reachable is None:
            # every edge counts, "target" ones too: a knot stored in a variable (`VAR next = -> knot`)
            # is entered later through it
            starts = [""] if "" in self.graph.nodes else []
            seen: set[str] = set(starts)
            queue = deque(starts)
            while queue:
                current = queue.popleft()
                for target in self.successors(current):
                    if target not in seen:
                        seen.add(target)
                        queue.append(target)
            self._reachable = frozenset(seen)
        return self._reachable

    def has_choices(self, node_id: str) -> bool:
        if self._choice_nodes is None:
            self._choice_nodes = frozenset(c.node for c in self.graph.choices)
        return node_id in self._choice_nodes

    def flow(self, node_id: str) -> str:
        """The knot, stitch, function or root whose flow `node_id` is written in (labels belong to one)."""
        node = self.graph.nodes.get(node_id)
        while node is not None and node.kind == "label" and node.parent is not None:
            node = self.graph.nodes.get(node.parent)
        return node.id if node is not None else node_id

    def ending_ids(self, edge: Edge) -> tuple[str, ...]:
        """The `# ending:` ids met on the way to this `-> END` (usually one; a conditional can pick
        between several). Only tags written before it in the same knot or stitch count: the graph's
        list can carry a tag over from the flow compiled before (see the tools report)."""
        if edge.target != "END":
            return ()
        flow = self.flow(edge.source)
        mine = {e.id for e in self.graph.endings
                if e.file == edge.file and e.line <= edge.line and self.flow(e.node) == flow}
        ids = [i for i in edge.endings if i in mine]
        if edge.ending and edge.ending not in ids:
            ids.append(edge.ending)
        return tuple(ids)
