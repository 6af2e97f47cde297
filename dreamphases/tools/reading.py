"""How a reader moves through a story, counted in the words the story graph records.

`stats` (reading time to each ending, the longest stretch without a choice) and the long-passage
rule (L011) both ask "how many words does a reader read along this way?", so the answer is built
here once, from the compiler's own counts. A route is a sequence of *choice points* as a reader
meets them:

- arriving at a scene (a knot, stitch or labelled gather) the reader reads
  `Node.words_before_choice` and is offered the scene's first set of options (its top-level set
  with the smallest `Choice.choice_set`); diverts written before that set may lead away first;
- taking an option they read `Choice.words` (its text, its body up to the next choice, and the
  words of the unlabelled gathers it falls through; a labelled gather is a scene of its own, reached
  by its "fallthrough" edge), then meet its nested options (`Choice.parent`) if it
  has any, else go where its body diverts, else fall through to the next set of options after the
  gather (the next `choice_set` at that level of the same scene), or, when the level has no more
  options, to what the enclosing option or the scene does next (its diverts, a labelled gather);
- so only one option of each set is taken, and the sibling options cost nothing.

So a route is a chain of *states*: scenes (node ids) and taken options (`#<index>` into
`StoryGraph.choices`), each step weighted by the words read on arrival. A labelled option's own
label costs nothing more (its words are the option's). A tunnel into a scene that
offers no choice and only returns (`->->`) is read in place: its words are added where it is
called, and the reader carries on.

Limits of the model, all from what the graph records: a tunnel with choices of its own is a detour
that does not return; conditional text counts in full, and a condition never blocks an option or a
divert. Loops are cut where they close: a route never revisits a state,
so a reader who goes round a hub twice reads more than the longest route says.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from dataclasses import dataclass, field

from dreamphases.compiler.graph import Choice, Edge, StoryGraph
from dreamphases.tools.analysis import GraphIndex, is_terminal

__all__ = ["Step", "Passages", "RouteFigures", "choice_state", "is_choice_state"]

#: edges the reader follows (calls print through functions, "target" edges are values, not moves)
_FLOW_KINDS = frozenset({"divert", "fallthrough", "tunnel", "thread", "choice"})


def choice_state(index: int) -> str:
    return f"#{index}"


def is_choice_state(state: str) -> bool:
    return state.startswith("#")


@dataclass(frozen=True, slots=True)
class Step:
    #: the next state, or a terminal (`END`, `DONE`, `*var`)
    target: str
    #: True when the reader makes a choice to take this step (it ends a run of reading)
    chooses: bool
    #: the graph edge followed, if any (for a step into `END`: its endings)
    edge: Edge | None = None
    #: True when the words of the state stepped into were already read (see `Passages.cost`)
    free: bool = False
    #: words read on the way that belong to no state: tunnels read in place in a gather
    extra: int = 0


@dataclass(slots=True)
class RouteFigures:
    """The fewest and most words read from the start to one `-> END`."""

    edge: Edge
    shortest_words: int
    longest_words: int
    #: the scenes on the shortest route (choices left out), from the start
    shortest_path: list[str]
    #: every state on the longest route (scenes and `#n` options taken), from the start
    longest_path: list[str] = field(default_factory=list)


@dataclass
class Passages:
    graph: StoryGraph
    index: GraphIndex
    steps: dict[str, list[Step]] = field(default_factory=dict)
    #: words read on arriving at a state (a scene's words before its first choice, a choice's words,
    #: plus the words of tunnels read in place there)
    arrival: dict[str, int] = field(default_factory=dict)
    _run_memo: dict[str, tuple[int, str | None]] = field(default_factory=dict)
    #: options by (node, parent option): the sets of one level of one scene, in set order
    _levels: dict[tuple[str, int | None], dict[int, list[int]]] = field(default_factory=dict)
    _by_choice: dict[int, list[Edge]] = field(default_factory=dict)
    _loose: dict[str, list[Edge]] = field(default_factory=dict)
    _inline: dict[str, int | None] = field(default_factory=dict)
    #: option numbers by the node they sit in, in story order (not a scan of every choice per node)
    _in_node: dict[str, list[int]] = field(default_factory=dict)

    # -- building ------------------------------------------------------------------------------------
    @classmethod
    def build(cls, graph: StoryGraph, index: GraphIndex | None = None) -> Passages:
        self = cls(graph, index or GraphIndex.build(graph))
        for number, choice in enumerate(graph.choices):
            level = self._levels.setdefault((choice.node, choice.parent), {})
            level.setdefault(choice.choice_set, []).append(number)
            self._in_node.setdefault(choice.node, []).append(number)
        for edge in graph.edges:
            if edge.kind not in _FLOW_KINDS:
                continue
            if edge.choice is not None:
                self._by_choice.setdefault(edge.choice, []).append(edge)
            else:
                self._loose.setdefault(edge.source, []).append(edge)
        for edges in (*self._by_choice.values(), *self._loose.values()):
            edges.sort(key=lambda e: (e.file, e.line))
        self._inline = {e.target: self._tunnel_words(e.target) for e in graph.edges if e.kind == "tunnel"}
        for node in graph.nodes.values():
            self.arrival[node.id] = node.words_before_choice
            self.steps[node.id] = self._node_steps(node.id)
        for number, choice in enumerate(graph.choices):
            self.arrival[choice_state(number)] = choice.words
            self.steps[choice_state(number)] = self._choice_steps(number)
        return self

    def _tunnel_words(self, target: str) -> int | None:
        """Words of a tunnel read in place, or None if it is a scene of its own (choices, diverts out)."""
        if target not in self.graph.nodes:
            return None
        inside = self.index.subtree(target)
        if not any(self.graph.nodes[n].returns for n in inside) or any(
                self.index.has_choices(n) for n in inside):
            return None
        for n in inside:
            for edge in self.index.out_edges.get(n, ()):
                if edge.kind in _FLOW_KINDS and (is_terminal(edge.target) or edge.target not in inside):
                    return None
        return sum(self.graph.nodes[n].words for n in inside)

    def _first_set(self, node_id: str) -> list[int]:
        """The options offered on arriving at a scene: its top-level set with the smallest id (a
        scene whose options all sit deeper, like a label inside an option, offers its shallowest)."""
        level = self._levels.get((node_id, None))
        if level:
            return level[min(level)]
        mine = self._in_node.get(node_id, [])
        if not mine:
            return []
        depth = min(self.graph.choices[i].depth for i in mine)
        first = min(self.graph.choices[i].choice_set for i in mine if self.graph.choices[i].depth == depth)
        return [i for i in mine if self.graph.choices[i].choice_set == first]

    def _next_set(self, number: int) -> list[int]:
        """The options of the set after the gather option `number` falls into, at its own level."""
        choice = self.graph.choices[number]
        level = self._levels.get((choice.node, choice.parent), {})
        later = [s for s in level if s > choice.choice_set]
        return level[min(later)] if later else []

    def _flow(self, edges: list[Edge], then: list[int], free_labels: bool, extra: int = 0) -> list[Step]:
        """Steps through a stretch of flow: its `edges` in order, until an unconditional divert
        (after which nothing is read), then the options `then` (or nothing when diverted away).
        Tunnels read in place add their words to every step that follows them."""
        steps: list[Step] = []
        pending: list[Edge] = []
        for edge in edges:
            if edge.kind == "tunnel" and self._inline.get(edge.target) is not None:
                extra += self._inline[edge.target] or 0
                continue
            pending.append(edge)
            if edge.kind == "divert" and not edge.conditions:
                then = []
                break
        for edge in pending:
            step = self._edge_step(edge, free_labels, extra)
            if step is not None:
                steps.append(step)
        steps += [Step(choice_state(c), True, extra=extra) for c in then]
        return steps

    def _edge_step(self, edge: Edge, free_labels: bool, extra: int) -> Step | None:
        target = edge.target
        if is_terminal(target):
            return Step(target, False, edge, extra=extra)
        node = self.graph.nodes.get(target)
        if node is None:
            return None
        # a labelled option's own label: its words are the option's, already read. (A labelled
        # gather is read in full on arrival; the options falling into it do not count its words.)
        free = free_labels and node.kind == "label" and edge.kind == "choice"
        return Step(target, False, edge, free, extra)

    @staticmethod
    def _before(edges: list[Edge], options: list[int], choices: list[Choice]) -> list[Edge]:
        """The edges written before the first of `options` (all of them when there are none)."""
        if not options:
            return list(edges)
        first = min(choices[c].line for c in options)
        return [e for e in edges if e.line < first]

    def _node_steps(self, node_id: str) -> list[Step]:
        first = self._first_set(node_id)
        edges = self._loose.get(node_id, [])
        ahead = self._before(edges, first, self.graph.choices)
        # tunnels read on arrival, before the first choice, are part of the scene's arrival words
        for edge in ahead:
            if edge.kind == "tunnel" and self._inline.get(edge.target) is not None:
                self.arrival[node_id] += self._inline[edge.target] or 0
        return self._flow([e for e in ahead if not self._inlined(e)], first, free_labels=False)

    def _inlined(self, edge: Edge) -> bool:
        return edge.kind == "tunnel" and self._inline.get(edge.target) is not None

    def _choice_steps(self, number: int) -> list[Step]:
        choice = self.graph.choices[number]
        body = self._by_choice.get(number, [])
        children = self._levels.get((choice.node, number))
        if children:
            nested = children[min(children)]
            ahead = self._before(body, nested, self.graph.choices)
            self._read_in_place(number, ahead)
            return self._flow([e for e in ahead if not self._inlined(e)], nested, free_labels=True)
        self._read_in_place(number, body)
        body = [e for e in body if not self._inlined(e)]
        if any(e.kind == "divert" and set(e.conditions) <= set(choice.conditions) for e in body):
            return self._flow(body, [], free_labels=True)  # the body always diverts away
        return self._flow(body, [], free_labels=True) + self._fall_through(number)

    def _read_in_place(self, number: int, edges: list[Edge]) -> None:
        for edge in edges:
            if self._inlined(edge):
                self.arrival[choice_state(number)] += self._inline[edge.target] or 0

    def _fall_through(self, number: int) -> list[Step]:
        """Where the reader goes once option `number`'s body runs out: the gather after its set,
        then the next set at its level, or, at the end of the level, on past the enclosing option's
        gather (the enclosing option's own diverts, or its level's next set), or the scene's flow."""
        seen: set[int] = set()
        steps: list[Step] = []
        current: int | None = number
        while current is not None and current not in seen:
            seen.add(current)
            choice = self.graph.choices[current]
            parent = choice.parent
            if parent is None:
                pool = self._loose.get(choice.node, [])
            else:
                pool = self._by_choice.get(parent, [])
            after = [e for e in pool if e.file == choice.file and e.line > choice.line]
            then = self._next_set(current)
            if then:
                after = self._before(after, then, self.graph.choices)
            flow = self._flow(after, then, free_labels=True)
            steps += flow
            blocked = any(e.kind == "divert" and not e.conditions for e in after)
            if then or blocked or parent is None:
                return steps
            current = parent
        return steps

    # -- questions -----------------------------------------------------------------------------------
    def cost(self, step: Step) -> int:
        """Words read by taking `step`: the arrival words of where it leads, unless already read."""
        if step.free or step.target not in self.arrival:
            return step.extra
        return self.arrival[step.target] + step.extra

    def successors(self, state: str) -> Iterator[Step]:
        return iter(self.steps.get(state, ()))

    def label(self, state: str) -> str:
        """How a state is named in a message: a scene by its id, a choice by its text in quotes."""
        if is_choice_state(state):
            choice = self.graph.choices[int(state[1:])]
            return f"“{choice.text}”" if choice.text else "(fallback choice)"
        return state or "(start)"

    def place(self, state: str) -> tuple[str, int]:
        if is_choice_state(state):
            choice = self.graph.choices[int(state[1:])]
            return choice.file, choice.line
        node = self.graph.nodes[state]
        return node.file, node.line

    def run_starts(self) -> list[str]:
        """Where a run of reading begins: the top of the story and just after each reachable choice."""
        reachable = self.index.reachable()
        starts = [""] if "" in self.graph.nodes else []
        starts += [choice_state(i) for i, c in enumerate(self.graph.choices) if c.node in reachable]
        return starts

    def longest_run(self, start: str) -> tuple[int, list[str]]:
        """The most words a reader can read from `start` without choosing, and the states on the way.

        Memoised across starts; an explicit stack, not recursion, so a chain of thousands of
        diverts cannot overflow. A run never revisits a state (a loop is cut where it closes).
        """
        if start not in self.arrival:
            return (0, [])
        memo = self._run_memo  # state -> (words from it, the next state on its longest run)
        best: dict[str, tuple[int, str | None]] = {start: (self.arrival[start], None)}
        if start not in memo:
            stack = [(start, self._run_steps(start))]
            on_path = {start}
            entered: dict[str, Step] = {}  # the step each state on the walk was entered by
            while stack:
                state, steps = stack[-1]
                step = next((s for s in steps if s.target not in on_path), None)
                if step is None:
                    stack.pop()
                    on_path.discard(state)
                    memo[state] = best.pop(state)
                    if stack:
                        parent, _steps = stack[-1]
                        self._offer(best, parent, entered.pop(state))
                elif step.target in memo:
                    self._offer(best, state, step)
                else:
                    best[step.target] = (self.arrival[step.target], None)
                    entered[step.target] = step
                    on_path.add(step.target)
                    stack.append((step.target, self._run_steps(step.target)))
        total, path, current = memo[start][0], [start], memo[start][1]
        while current is not None:
            path.append(current)
            current = memo[current][1]
        return total, path

    def _run_steps(self, state: str) -> Iterator[Step]:
        return (s for s in self.steps.get(state, ()) if not s.chooses and s.target in self.arrival)

    def _offer(self, best: dict[str, tuple[int, str | None]], state: str, step: Step) -> None:
        # the memo counts the target's own arrival words: take them back out when the step is free
        words = self.arrival[state] + self._run_memo[step.target][0] - self.arrival[step.target] \
            + self.cost(step)
        if words > best[state][0]:
            best[state] = (words, step.target)

    def routes(self) -> list[RouteFigures]:
        """For each `-> END` reachable from the start: the fewest and most words read on the way."""
        if "" not in self.arrival:
            return []
        shortest, prev = self._shortest()
        longest, came_from = self._longest()
        figures: dict[int, RouteFigures] = {}  # by edge: several states can fall through to one END
        for state in shortest:
            for step in self.successors(state):
                if step.target != "END" or step.edge is None:
                    continue
                low = shortest[state] + step.extra
                if longest.get(state, 0) >= shortest[state]:
                    high, long_path = longest[state] + step.extra, self._path(came_from, state)
                else:  # the shortest route closes a loop the longest walk cut: it is the longest too
                    high, long_path = low, self._path(prev, state)
                seen = figures.get(id(step.edge))
                if seen is None:
                    path = [s for s in self._path(prev, state) if not is_choice_state(s)]
                    figures[id(step.edge)] = RouteFigures(step.edge, low, high, path, long_path)
                    continue
                if low < seen.shortest_words:
                    seen.shortest_words = low
                    seen.shortest_path = [s for s in self._path(prev, state) if not is_choice_state(s)]
                if high > seen.longest_words:
                    seen.longest_words, seen.longest_path = high, long_path
        return list(figures.values())

    def _shortest(self) -> tuple[dict[str, int], dict[str, str]]:
        """Fewest words from the start to each state (Dijkstra), with predecessors."""
        dist = {"": self.arrival[""]}
        prev: dict[str, str] = {}
        heap = [(dist[""], "")]
        while heap:
            cost, state = heapq.heappop(heap)
            if cost > dist.get(state, cost):
                continue
            for step in self.successors(state):
                if step.target not in self.arrival:
                    continue
                new = cost + self.cost(step)
                if new < dist.get(step.target, new + 1):
                    dist[step.target], prev[step.target] = new, state
                    heapq.heappush(heap, (new, step.target))
        return dist, prev

    def _longest(self) -> tuple[dict[str, int], dict[str, str]]:
        """Most words on a loop-free route from the start to each state, with predecessors: the
        back edges of a depth-first walk are dropped, and the rest (acyclic) is relaxed in
        topological order."""
        order: list[str] = []
        state_of: dict[str, int] = {"": 1}  # 1 on the walk's stack, 2 finished
        kept: dict[str, list[tuple[str, int]]] = {}
        stack = [("", self._moves(""))]
        while stack:
            state, moves = stack[-1]
            for step in moves:
                if state_of.get(step.target) == 1:
                    continue  # a back edge: it closes a loop
                kept.setdefault(step.target, []).append((state, self.cost(step)))
                if step.target not in state_of:
                    state_of[step.target] = 1
                    stack.append((step.target, self._moves(step.target)))
                    break
            else:
                state_of[state] = 2
                order.append(state)
                stack.pop()
        best: dict[str, int] = {"": self.arrival[""]}
        came_from: dict[str, str] = {}
        for state in reversed(order):
            for before, words in kept.get(state, ()):
                if before in best and best[before] + words > best.get(state, -1):
                    best[state], came_from[state] = best[before] + words, before
        return best, came_from

    def _moves(self, state: str) -> Iterator[Step]:
        return (s for s in self.steps.get(state, ()) if s.target in self.arrival)

    @staticmethod
    def _path(prev: dict[str, str], state: str) -> list[str]:
        path = [state]
        while path[-1] in prev and len(path) <= len(prev) + 1:
            path.append(prev[path[-1]])
        return path[::-1]
