"""What the guided search knows about a story before playing it: the values worth telling apart.

Coverage (knots, choices, conditional branches, endings) says where a walk went. It cannot say that a
walk got *closer* to a branch guarded by `{trust >= 6}`: that is in the variables. So the guided
search also watches the variables the story's conditions read, and the declared `# stat:`s, and
treats a value (bucketed) never seen before as news, as fuzzers do with comparison operands.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from dreamphases.compiler.graph import StoryGraph
from dreamphases.statspec import StatSpec, stat_specs
from dreamphases.testing.branch_distance import Guards
from dreamphases.testing.state_key import Liveness, liveness_for

__all__ = ["StoryFacts", "bucket"]

#: at most this many variables are watched (each is a call into the runtime per choice point)
MAX_SIGNALS = 24


def bucket(value: object, spec: StatSpec | None) -> str:
    """A coarse class of a value: a stat's tenth of its range; small integers exactly; larger numbers
    by sign and power of two; a list by the names of its items; anything else by its text.

    A class must be the same in every process and run (it decides what is news, and so the search):
    a runtime object's default text carries its address."""
    if isinstance(value, bool) or value is None:
        return str(value)
    items = getattr(value, "items", None)
    if isinstance(items, list):  # an ink list: (origin.item, value) pairs
        return "{" + ",".join(sorted(str(item[0]) if isinstance(item, tuple) else str(item) for item in items)) + "}"
    if isinstance(value, int | float):
        if spec is not None and spec.high > spec.low:
            if value < spec.low:
                return "<"
            if value > spec.high:
                return ">"
            return str(min(9, int((value - spec.low) * 10 / (spec.high - spec.low))))
        if float(value).is_integer() and abs(value) <= 16:
            return str(int(value))
        if not math.isfinite(value):
            return str(value)
        return f"{'-' if value < 0 else '+'}2^{int(math.log2(abs(value) or 1))}"
    return str(value)[:40]


@dataclass(slots=True)
class StoryFacts:
    """The variables whose values the guided search watches, with their stat specs if declared."""

    signals: tuple[tuple[str, StatSpec | None], ...]
    #: which variables each state can still observe (None: no merging of states)
    liveness: Liveness | None = None
    #: each coverage id's guard (branch distance, `branch_distance.py`) and the knot it is in
    guards: Guards | None = None

    @classmethod
    def build(cls, graph: StoryGraph | None) -> StoryFacts:
        if graph is None:
            return cls((), None)
        specs = {s.var: s for s in stat_specs(graph.global_tags)}
        globals_ = {n for n, d in graph.variables.items() if d.kind == "var"}
        names: dict[str, None] = dict.fromkeys(v for v in specs if v in globals_)
        for choice in graph.choices:
            names.update(dict.fromkeys(r for r in choice.reads if r in globals_))
        for edge in graph.edges:
            if edge.conditions:
                names.update(dict.fromkeys(r for r in edge.reads if r in globals_))
        for use in graph.uses:  # conditionals' reads are uses in the node they are written in
            if use.mode == "read" and use.name in globals_:
                names.setdefault(use.name, None)
        picked = list(names)[:MAX_SIGNALS]
        ids = [*(f"?{i}" for i in range(len(graph.branches))), *(f"*{i}" for i in range(len(graph.choices))),
               *graph.nodes, *(f"e:{e.id}" for e in graph.endings)]
        return cls(tuple((name, specs.get(name)) for name in picked), liveness_for(graph), Guards.build(graph, ids))
