"""When two runtime states are the same state: the exhaustive search's identity of a state.

A state is identified by a canonical hash of the runtime state (`runtime.state.canonical_state`: call
stack, pending choices, variables and visit counts clamped to `visit_bound`, without the output
buffer, thread numbering, or turn indices unless the story reads them).

With liveness, what no later read can observe is left out too, so states that differ only in that are
merged. What the code a state can still reach can observe of each visit count and variable is
`analysis.observers`' business (read off the compiled story, and reachable per position: from the
state's pending choices and call-stack frames, content item by content item): nothing, a class of
values (every read compares with constants), or the value (`observed_values`). A story with a way on
the analysis cannot resolve falls back to `Liveness`, the coarser knot-level rule (variables no
reachable knot reads).
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from dreamphases.analysis.observers import EXACT, Observers, classify
from dreamphases.compiler.graph import StoryGraph
from dreamphases.runtime.state import (
    canonical_state,
    counts_and_variables,
    drop_variables,
    keep_visit_counts,
    knot_of,
    replace_counts_and_variables,
    state_digest,
    state_digests,
    state_knots,
    state_positions,
    variable_names,
)

__all__ = ["Liveness", "liveness_for", "observed_values", "state_key"]

def state_key(state_text: str, visit_bound: int, ignore: Collection[str],
              liveness: Liveness | None, observers: Observers | None = None) -> tuple[bytes, bytes]:
    """(full hash, hash without what no later read can observe); the two are equal without liveness.

    With `observers` (`analysis.observers`: how each read in the compiled story uses a value), the
    second hash keeps of each visit count and variable only what the code the state can still reach
    can tell apart: nothing when no reachable code reads it, a class of values when every reachable
    read compares it with constants (and it is only ever set to constants there), else the value."""
    keep_turns = observers is not None and observers.turns
    data = canonical_state(state_text, _NO_BOUND, ignore, keep_turns)
    counts, variables = counts_and_variables(data)
    clamped = {k: min(v, visit_bound) for k, v in counts.items()}
    if liveness is None:
        full = state_digests(data, [(clamped, variables, True)])[0]
        return full, full
    if observers is None or observers.dynamic:
        replace_counts_and_variables(data, clamped, variables)
        full = state_digest(data)
        dead = liveness.dead(data)
        pruned = liveness.prune_counts(data)
        if not dead and not pruned:
            return full, full
        drop_variables(data, dead)
        return full, state_digest(data)
    # the raw counts (cuts may lie past the bound): `data` still holds them
    kept_counts, kept_variables = observed_values(data, visit_bound, observers)
    full, live = state_digests(data, [(clamped, variables, True), (kept_counts, kept_variables, observers.random)])
    return full, live


def observed_values(data: dict[str, Any], visit_bound: int,
                    observers: Observers) -> tuple[dict[str, object], dict[str, object]]:
    """Of a parsed state's visit counts and variables, what the code it can still reach can observe:
    (counts, variables), each a value or a class of values; what none of it reads is left out.

    Reachable is per position (`Observers.view`, from the state's pending choices and call stacks,
    content item by content item), so a state in the last scene no longer keeps apart what only
    earlier scenes of the same knot read."""
    counts, variables = counts_and_variables(data)
    view = observers.view(state_positions(data))
    kept_counts: dict[str, object] = {}
    for path, count in counts.items():
        cuts = observers.count_cuts(path, view)
        if cuts is None:
            continue
        if cuts is EXACT:
            kept_counts[path] = min(count, visit_bound)
            continue
        if path in view.entered:
            # the container may be entered again, raising the count: values below the highest cut
            # may still be told apart, values at or above it never (a count only grows)
            if count:
                kept_counts[path] = min(count, math.ceil(max(cuts)))
            continue
        kind = classify(count, cuts)
        if kind != classify(0, cuts):
            kept_counts[path] = kind
    kept_variables: dict[str, object] = {}
    for name, value in variables.items():
        cuts = observers.variable_cuts(name, view)
        if cuts is None:
            continue
        if cuts is EXACT:
            kept_variables[name] = value
            continue
        drift = observers.variable_drift(name, view)
        kind = classify(value, cuts, drift)
        if kind != classify(observers.defaults.get(name), cuts, drift):
            kept_variables[name] = kind
    return kept_counts, kept_variables


#: visit counts are compared raw first, and clamped to the caller's bound only where read exactly
_NO_BOUND = 1 << 62


# -- liveness ------------------------------------------------------------------------------------

@dataclass(slots=True)
class Liveness:
    """Which global variables a state can still observe: those read in a knot it can still reach.

    Knots are the unit: a knot's reads are those of the knot, its stitches and labels, and a knot
    reaches what any edge out of it (divert, tunnel, thread, call, choice, a divert target used as a
    value) leads to. A state's starting points are every knot named anywhere in its call stacks and
    pending choices, so tunnels and threads returning there are covered. A story that diverts through
    a variable (`-> target_var`) could go anywhere, so there every variable read anywhere is live.
    """

    reads: dict[str, frozenset[str]]  # knot -> variables read from there on
    everything: frozenset[str]  # all globals read anywhere
    globals_: frozenset[str]
    anywhere: bool  # a divert through a variable: no knot-level reasoning
    reach: dict[str, frozenset[str]]  # knot -> knots reachable from it (itself included)

    def reachable(self, data: dict[str, Any]) -> set[str] | None:
        """The knots a parsed state can still reach (None: one it is in is unknown, so anything)."""
        found: set[str] = set()
        for knot in state_knots(data):
            reach = self.reach.get(knot)
            if reach is None:
                return None
            found |= reach
        return found

    def prune_counts(self, data: dict[str, Any]) -> bool:
        """Drop the visit counts no later read can observe, in place; True if any were dropped.

        The count of an anonymous container (a choice's `c-N`, a gather, a sequence) is read only by
        the runtime while it plays that knot — a once-only choice checks its own target, a sequence
        its own counter — so once the state can no longer reach the knot, the count is dead. Named
        nodes (knots, stitches, labels) can be read from anywhere (`{knot}`, READ_COUNT) and are kept.
        Smaller states play faster: bink copies the counts with every snapshot it takes.
        """
        live = self.live_counts(state_knots(data))
        return live is not None and keep_visit_counts(data, live)

    def live_counts(self, knots: Collection[str]) -> Callable[[str], bool] | None:
        """Whether a visit count (by its container's path) is still observable from a state in these
        knots (see `prune_counts`); None when every count may be."""
        if self.anywhere:
            return None
        reachable: set[str] = set()
        for knot in knots:
            found = self.reach.get(knot)
            if found is None:
                return None
            reachable |= found

        def live(path: str) -> bool:
            knot, named = _count_parts(path)
            return named or knot in reachable

        return live

    def dead(self, data: dict[str, Any]) -> set[str]:
        names = variable_names(data)
        if self.anywhere:
            return names - self.everything
        live: set[str] = set()
        for knot in state_knots(data):
            found = self.reads.get(knot)
            if found is None:  # a container we cannot place: be safe
                return names - self.everything
            live |= found
        return {n for n in names if n in self.globals_ and n not in live}


_NAMED = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@functools.lru_cache(maxsize=1 << 16)
def _count_parts(path: str) -> tuple[str, bool]:
    """(the knot a count's container is in, whether the container is named): a story has a bounded set
    of paths, and the guided search asks about each count of each state it keeps."""
    return knot_of(path), bool(_NAMED.match(path.rsplit(".", 1)[-1]))


def liveness_for(graph: StoryGraph | None) -> Liveness | None:
    """The liveness analysis the exhaustive search merges states with (None: no merging)."""
    if graph is None:
        return None
    globals_ = frozenset(n for n, d in graph.variables.items() if d.kind == "var")
    own: dict[str, set[str]] = {}
    for use in graph.uses:
        if use.mode == "read" and use.name in globals_:
            own.setdefault(use.node.split(".", 1)[0], set()).add(use.name)
    for choice in graph.choices:
        own.setdefault(choice.node.split(".", 1)[0], set()).update(r for r in choice.reads if r in globals_)
    successors: dict[str, set[str]] = {}
    # a global passed by `ref` is read inside the function under another name: count every global a
    # knot that calls functions mentions as read there
    by_ref = any(p.startswith("ref ") for params in graph.functions.values() for p in params)
    callers = {e.source.split(".", 1)[0] for e in graph.edges if e.kind == "call"} if by_ref else set()
    for use in graph.uses:
        knot = use.node.split(".", 1)[0]
        if knot in callers and use.name in globals_:
            own.setdefault(knot, set()).add(use.name)
    anywhere = False
    for edge in graph.edges:
        if edge.target.startswith("*"):
            anywhere = True
        source = edge.source.split(".", 1)[0]
        successors.setdefault(source, set()).add(edge.target.split(".", 1)[0])
        own.setdefault(source, set()).update(r for r in edge.reads if r in globals_)
    # a divert, tunnel or thread through a variable goes to an address the story took as a value
    dynamic = {e.target.split(".", 1)[0] for e in graph.edges if e.kind == "target"}
    for edge in graph.edges:
        if edge.target.startswith("*"):
            successors.setdefault(edge.target, set()).update(dynamic)
    knots = {n.split(".", 1)[0] for n in graph.nodes} | {""}
    reach = {knot: frozenset(_reachable(knot, successors)) for knot in knots}
    reads = {knot: frozenset(v for k in reach[knot] for v in own.get(k, ())) for knot in knots}
    everything = frozenset(v for vs in own.values() for v in vs)
    return Liveness(reads, everything, globals_, anywhere, reach)


def _reachable(start: str, successors: dict[str, set[str]]) -> set[str]:
    seen = {start}
    todo = [start]
    while todo:
        for nxt in successors.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen
