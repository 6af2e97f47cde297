"""How a reader moves through a story, counted in the words the story graph records.

`stats` (reading time to each ending, the longest stretch without a choice) and the long-passage
rule (L011) both ask "how many words does a reader read along this way?", so the answer is built
here once, from the compiler's own counts:

- arriving at a scene (a knot, stitch or labelled gather) the reader reads `Node.words_before_choice`,
  the prose before its first choice;
- taking a choice they read `Choice.words`, what that choice prints up to the next choice;
- then they go where the choice's body diverts; a choice whose body does not divert away falls
  through to what follows it in the scene (its gathers, later choices, the scene's own diverts).

So a route is a chain of *states*: scenes (node ids) and taken choices (`#<index>` into
`StoryGraph.choices`), each step weighted by the words read on arrival. A label's content is part of
a choice's count when the label is a gather inside that choice's body, so falling into it costs no
more words. A tunnel into a scene that offers no choice and only returns (`->->`) is read in
place: its words are added where it is called, and the reader carries on.

Limits of the model, all from what the graph records: the graph does not say which choice a nested
choice belongs to, so every option of a scene is offered on arrival, and after an option that falls
through, any later option of the scene; a tunnel with choices of its own is a detour that does not
return; prose in an unlabelled gather after a set of choices has no per-choice count and is not
counted; conditional text counts in full. Loops are cut where they close: a route never revisits
a state.
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


@dataclass(slots=True)
class RouteFigures:
    """The fewest and most words read from the start to one `-> END`."""

    edge: Edge
    shortest_words: int
    longest_words: int
    #: the scenes on the shortest route (choices left out), from the start
    shortest_path: list[str]


@dataclass
class Passages:
    graph: StoryGraph
    index: GraphIndex
    steps: dict[str, list[Step]] = field(default_factory=dict)
    #: words read on arriving at a state (a scene's words before its first choice, a choice's words,
    #: plus the words of tunnels read in place there)
    arrival: dict[str, int] = field(default_factory=dict)
    _run_memo: dict[str, tuple[int, str | None]] = field(default_factory=dict)

    # -- building ------------------------------------------------------------------------------------
    @classmethod
    def build(cls, graph: StoryGraph, index: GraphIndex | None = None) -> Passages:
        self = cls(graph, index or GraphIndex.build(graph))
        own: dict[str, list[int]] = {}
        for number, choice in enumerate(graph.choices):
            own.setdefault(choice.node, []).append(number)
        by_choice: dict[int, list[Edge]] = {}
        loose: dict[str, list[Edge]] = {}  # edges written outside any choice body, by source
        for edge in graph.edges:
            if edge.kind not in _FLOW_KINDS:
                continue
            if edge.choice is not None:
                by_choice.setdefault(edge.choice, []).append(edge)
            else:
                loose.setdefault(edge.source, []).append(edge)
        for node in graph.nodes.values():
            self.arrival[node.id] = node.words_before_choice
        for number, choice in enumerate(graph.choices):
            self.arrival[choice_state(number)] = choice.words
        inline = {e.target: self._tunnel_words(e.target) for e in graph.edges if e.kind == "tunnel"}
        for node in graph.nodes.values():
            self._node_steps(node.id, own, loose, inline)
        for number, choice in enumerate(graph.choices):
            self._choice_steps(number, choice, own, by_choice.get(number, []), loose, inline)
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

    def _scope(self, node_id: str, own: dict[str, list[int]], loose: dict[str, list[Edge]]
               ) -> tuple[list[int], list[Edge]]:
        """The choices and loose edges met after arriving at `node_id`. The graph files the choices
        and diverts that follow a labelled gather under its knot or stitch, so a label's scope is its
        own plus its parent's written after it."""
        choices = list(own.get(node_id, []))
        edges = list(loose.get(node_id, []))
        node = self.graph.nodes[node_id]
        if node.kind == "label" and node.parent in self.graph.nodes:
            parent = node.parent
            choices += [c for c in own.get(parent, []) if self._after(self.graph.choices[c], node.file, node.line)]
            edges += [e for e in loose.get(parent, []) if e.file == node.file and e.line > node.line]
        choices.sort(key=lambda c: (self.graph.choices[c].file, self.graph.choices[c].line))
        return choices, edges

    @staticmethod
    def _after(choice: Choice, file: str, line: int) -> bool:
        return choice.file == file and choice.line > line

    def _edge_step(self, edge: Edge, chooses: bool, inline: dict[str, int | None],
                   free_labels: bool = False) -> Step | None:
        target = edge.target
        if is_terminal(target):
            return Step(target, chooses, edge)
        node = self.graph.nodes.get(target)
        if node is None:
            return None
        if edge.kind == "tunnel" and inline.get(target) is not None:
            return None  # read in place: added to the caller's words instead
        # a gather or labelled choice inside a choice's body: the choice's count already has its words
        free = free_labels and node.kind == "label" and edge.kind in ("fallthrough", "choice")
        return Step(target, chooses, edge, free)

    def _node_steps(self, node_id: str, own: dict[str, list[int]], loose: dict[str, list[Edge]],
                    inline: dict[str, int | None]) -> None:
        choices, edges = self._scope(node_id, own, loose)
        first = min((self.graph.choices[c].line for c in choices), default=None)
        steps: list[Step] = []
        for edge in edges:
            before = first is None or edge.line < first
            if edge.kind == "tunnel" and inline.get(edge.target) is not None:
                if before:
                    self.arrival[node_id] += inline[edge.target] or 0
                else:  # in a gather after the choices: read by whoever falls through to it
                    for c in choices:
                        if self.graph.choices[c].line < edge.line and not self._leaves(c):
                            self.arrival[choice_state(c)] += inline[edge.target] or 0
                continue
            if before:
                step = self._edge_step(edge, False, inline)
                if step is not None:
                    steps.append(step)
        steps += [Step(choice_state(c), True) for c in choices]
        self.steps[node_id] = steps

    def _leaves(self, number: int) -> bool:
        """Does the choice's body always divert away (so nothing after it in the scene is read)?"""
        choice = self.graph.choices[number]
        mine = set(choice.conditions)
        return any(e.kind == "divert" and set(e.conditions) <= mine
                   for e in self.graph.edges if e.choice == number)

    def _choice_steps(self, number: int, choice: Choice, own: dict[str, list[int]], edges: list[Edge],
                      loose: dict[str, list[Edge]], inline: dict[str, int | None]) -> None:
        state = choice_state(number)
        steps: list[Step] = []
        for edge in edges:
            if edge.kind == "tunnel" and inline.get(edge.target) is not None:
                self.arrival[state] += inline[edge.target] or 0
                continue
            step = self._edge_step(edge, False, inline, free_labels=True)
            if step is not None:
                steps.append(step)
        if not self._leaves(number) and choice.node in self.graph.nodes:
            later, rest = self._scope(choice.node, own, loose)
            later_lines = [self.graph.choices[c].line for c in later
                           if self._after(self.graph.choices[c], choice.file, choice.line)]
            for edge in rest:
                if edge.file != choice.file or edge.line <= choice.line or edge.kind == "tunnel" \
                        and inline.get(edge.target) is not None:
                    continue
                # another option written in between must be chosen (or skipped) first
                chooses = any(line < edge.line for line in later_lines)
                step = self._edge_step(edge, chooses, inline)
                if step is not None:
                    steps.append(step)
            steps += [Step(choice_state(c), True) for c in later
                      if self._after(self.graph.choices[c], choice.file, choice.line)]
        self.steps[state] = steps

    # -- questions -----------------------------------------------------------------------------------
    def cost(self, step: Step) -> int:
        """Words read by taking `step`: the arrival words of where it leads, unless already read."""
        if step.free or step.target not in self.arrival:
            return 0
        return self.arrival[step.target]

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
        longest = self._longest()
        figures = []
        for state in shortest:
            for step in self.successors(state):
                if step.target == "END" and step.edge is not None:
                    path = [s for s in self._path(prev, state) if not is_choice_state(s)]
                    figures.append(RouteFigures(step.edge, shortest[state],
                                                max(longest.get(state, 0), shortest[state]), path))
        return figures

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

    def _longest(self) -> dict[str, int]:
        """Most words on a loop-free route from the start to each state: the back edges of a
        depth-first walk are dropped, and the rest (acyclic) is relaxed in topological order."""
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
        for state in reversed(order):
            before = [best[p] + words for p, words in kept.get(state, ()) if p in best]
            if before:
                best[state] = max(best.get(state, 0), *before)
        return best

    def _moves(self, state: str) -> Iterator[Step]:
        return (s for s in self.steps.get(state, ()) if s.target in self.arrival)

    @staticmethod
    def _path(prev: dict[str, str], state: str) -> list[str]:
        path = [state]
        while path[-1] in prev and len(path) <= len(prev) + 1:
            path.append(prev[path[-1]])
        return path[::-1]
