"""Questions about a story graph that several tools ask: what is reachable, which knot owns a node,
where the reader can go next without making a choice.

Kept separate from the rules so `check`, `stats` and `map` agree on one answer to each question.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from dreamphases.compiler.graph import Edge, Node, StoryGraph

__all__ = ["GraphIndex", "RUN_KINDS", "TERMINALS", "is_terminal", "via_choice"]

#: Edge targets that are not nodes.
TERMINALS = frozenset({"END", "DONE"})

# `-> knot` used as a value (a divert target stored in a variable): the graph has no edge for it,
# so these knots count as reachable from the start (see GraphIndex.value_targets).
_DIVERT_VALUE = re.compile(r"->\s*([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)")


_NOT_PROSE = ("~", "->", "<-", "=", "VAR ", "CONST ", "LIST ", "INCLUDE ", "TODO")

#: Edges a reader follows without choosing (a run of prose continues along them).
RUN_KINDS = ("divert", "fallthrough", "tunnel", "thread", "call")


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
    #: reads source lines for `words_before_choice`; without it that estimate is the node's words
    lines: Callable[[str], list[str]] | None = None
    _reachable: frozenset[str] | None = None
    _choice_nodes: frozenset[str] | None = None
    _run_memo: dict[str, tuple[int, str | None]] = field(default_factory=dict)

    @classmethod
    def build(cls, graph: StoryGraph, lines: Callable[[str], list[str]] | None = None) -> GraphIndex:
        index = cls(graph, lines=lines)
        for edge in graph.edges:
            index.out_edges.setdefault(edge.source, []).append(edge)
            index.in_edges.setdefault(edge.target, []).append(edge)
        for node in graph.nodes.values():
            if node.parent is not None and node.id != "":
                index.children.setdefault(node.parent, []).append(node.id)
        return index

    # -- ownership ------------------------------------------------------------------------------
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
    def value_targets(self) -> set[str]:
        """Nodes named by `-> target` values in variable initialisers or conditions."""
        texts: list[str] = [v.initial for v in self.graph.variables.values()]
        texts += [c for e in self.graph.edges for c in e.conditions]
        found: set[str] = set()
        for text in texts:
            for name in _DIVERT_VALUE.findall(text):
                if name in self.graph.nodes:
                    found.add(name)
        return found

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
            starts = [""] if "" in self.graph.nodes else []
            starts += sorted(self.value_targets())
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

    def words_before_choice(self, node_id: str) -> int:
        """Words a reader reads in a node that offers choices before its first choice.

        The graph counts a node's words in total, choice bodies included, which for a scene with
        long branches overstates what one reader reads before choosing by several times. Until
        the graph records this figure itself, it is estimated from the source lines between the
        node's header and its first choice (logic, tag and comment lines skipped), never more than
        the node's own count.
        """
        node = self.graph.nodes[node_id]
        first = min((c.line for c in self.graph.choices if c.node == node_id and c.file == node.file),
                    default=None)
        if self.lines is None or first is None or first <= node.line:
            return node.words
        header = 0 if node.kind == "root" else 1  # a knot's, stitch's or label's own line is not prose
        text = self.lines(node.file)[node.line - 1 + header: first - 1]
        prose = (line.split("#", 1)[0].split("//", 1)[0] for line in text)
        count = sum(len(line.split()) for line in prose if not line.lstrip().startswith(_NOT_PROSE))
        return min(count, node.words)

    def longest_run(self, start: str) -> tuple[int, list[str]]:
        """The most words a reader can read from `start` before the next choice, and the nodes on the way.

        A node that offers choices ends a run, with the words before its first choice (see
        `words_before_choice`). Edges written inside a choice's body are not followed: the reader
        chose before taking them. Loops are cut where they close: a run never revisits a node.
        """
        if start not in self.graph.nodes:
            return (0, [])
        memo = self._run_memo  # node -> (words from it, the next node on its longest run)
        nodes = self.graph.nodes

        def settle(node_id: str) -> bool:
            """Memoise a node that ends a run; False if it must be walked."""
            if node_id in memo:
                return True
            if self.has_choices(node_id):
                memo[node_id] = (self.words_before_choice(node_id), None)
                return True
            return False

        # an explicit stack, not recursion: a chain of thousands of diverts must not overflow
        if not settle(start):
            best: dict[str, tuple[int, str | None]] = {start: (nodes[start].words, None)}
            stack = [(start, self.successors(start, RUN_KINDS, after_choice=False))]
            on_path = {start}
            while stack:
                node_id, successors = stack[-1]
                target = next((t for t in successors if t not in on_path), None)
                if target is None:
                    stack.pop()
                    on_path.discard(node_id)
                    memo[node_id] = best.pop(node_id)
                    if stack:
                        self._offer(best, stack[-1][0], node_id)
                elif settle(target):
                    self._offer(best, node_id, target)
                else:
                    best[target] = (nodes[target].words, None)
                    on_path.add(target)
                    stack.append((target, self.successors(target, RUN_KINDS, after_choice=False)))
        total, path, current = memo[start][0], [start], memo[start][1]
        while current is not None:
            path.append(current)
            current = memo[current][1]
        return total, path

    def _offer(self, best: dict[str, tuple[int, str | None]], node_id: str, target: str) -> None:
        words = self.graph.nodes[node_id].words + self._run_memo[target][0]
        if words > best[node_id][0]:
            best[node_id] = (words, target)

    def run_starts(self) -> list[str]:
        """Where a reader starts reading after the story begins or after a choice."""
        starts = {""} if "" in self.graph.nodes else set()
        starts |= {e.target for e in self.graph.edges if via_choice(e) and e.target in self.graph.nodes}
        for choice in self.graph.choices:
            starts |= {t for t in choice.targets if t in self.graph.nodes}
        return sorted(starts)
