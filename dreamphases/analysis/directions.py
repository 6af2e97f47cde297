"""Which way each global can still move from a place in the story: a sign analysis of the writes.

A branch guarded by `bond <= 0` is out of reach from a state where the bond is 1 and no write the
state can still reach lowers it, however many writes raise it: a point of no return that a guard
alone cannot see (the guided search's branch distance, `testing/branch_distance.py`, is where this is
meant to be asked; see docs/testing.md for what wiring it in did). So for each knot this pass finds
the directions in which the writes its code can make — its own, and those of the functions it calls,
with the arguments it passes — may move each global:

* `x++`, `x += 2`, `x -= d` by the sign of the step;
* `x = e` by the range of `e - x`, with `x` over its *hull* (every value it can ever hold, found
  flow-insensitively: the initial value joined with every write's value until nothing grows) cut
  into pieces one unit wide, and the other globals over theirs. Evaluating each piece separately
  keeps what `e` says about `x` itself: `x = clamp(x + 1, -10, 10)` only raises `x` where its hull is
  -10..10, since the piece that would pass 10 comes back to it;
* a function's writes per call, its parameters bound to the ranges of the arguments passed
  (`julian(1)` raises the bond, `julian(-1)` lowers it, where `julian(d)` alone could do either);
* a `ref` argument, a write the ranges cannot bound, a variable that is not a number or a truth
  value: either way.

Knots (with their stitches and labels) are the unit, as for `Liveness.reach`: a state can move a
variable up when some knot it can still reach may raise it. A function called through a variable
(`VAR f = -> fn`) may run from anywhere, so its writes count everywhere.

Sound by construction: a direction is left out only when no write can move the variable that way
(`evaluate_range` and `_hull` over-approximate every value). `tests/testing/test_directions.py`
checks it on whole trees of small and generated stories and on walks of the bundled story: no
variable ever moves from a state the way this says it cannot.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from dreamphases.analysis.flow import FlowGraph, build_flow
from dreamphases.analysis.intervals import TOP, Env, Interval, evaluate_range
from dreamphases.compiler import expr_tree as T
from dreamphases.compiler.graph import StoryGraph, VarUse

__all__ = ["Directions", "directions_of", "UP", "DOWN"]

UP, DOWN = 1, -1
Moves = frozenset[tuple[str, int]]  # (variable, UP or DOWN)

#: rounds the hull may grow before growing bounds are widened to infinity
_WIDEN_AFTER = 4
#: a hull wider than this many units is not cut into pieces (`e - x` is then bounded as a whole)
_MAX_PIECES = 256
#: argument ranges a function is analysed with at most; past that, once with its parameters unknown
_MAX_CONTEXTS = 64


@dataclass(frozen=True, slots=True)
class Directions:
    """Per variable, the knots whose code (with the functions it calls) may raise it, and those
    that may lower it."""

    raisers: dict[str, frozenset[str]] = field(default_factory=dict)
    lowerers: dict[str, frozenset[str]] = field(default_factory=dict)
    #: every value each numeric global can ever hold (the hull the writes were judged on)
    hull: dict[str, Interval] = field(default_factory=dict)

    def moves(self, reachable: Collection[str]) -> Callable[[str], tuple[bool, bool]]:
        """For a state that can reach only these knots: whether each variable may still rise, fall."""
        raisers, lowerers = self.raisers, self.lowerers

        def moves(name: str) -> tuple[bool, bool]:
            return (any(k in reachable for k in raisers.get(name, ())),
                    any(k in reachable for k in lowerers.get(name, ())))

        return moves


def directions_of(graph: StoryGraph, flow: FlowGraph | None = None) -> Directions:
    """The sign analysis of every write in the story (see the module's docstring)."""
    return _Analysis(flow or build_flow(graph)).run()


def _signs(delta: Interval) -> set[int]:
    out = set()
    if delta.hi > 0 or math.isnan(delta.hi):
        out.add(UP)
    if delta.lo < 0 or math.isnan(delta.lo):
        out.add(DOWN)
    return out


def _minus(a: Interval, b: Interval) -> Interval:
    """Every `p - q` for p in a, q in b."""
    lo, hi = a.lo - b.hi, a.hi - b.lo
    return Interval(-math.inf if math.isnan(lo) else lo, math.inf if math.isnan(hi) else hi)


def _meet(a: Interval, b: Interval) -> Interval:
    return Interval(max(a.lo, b.lo), min(a.hi, b.hi))


def _fresh(names: Collection[str]) -> Env:
    """Names that shadow the globals' hull in an expression: unknown unless bound."""
    return {name: TOP for name in names}


class _Analysis:
    def __init__(self, flow: FlowGraph) -> None:
        self.flow = flow
        self.graph = flow.graph
        self.hull: Env = {}
        self._memo: dict[tuple[str, tuple[Interval, ...]], Moves] = {}
        self._active: set[tuple[str, tuple[Interval, ...]]] = set()
        self._contexts: dict[str, int] = {}
        #: node id -> its events' owner: the knot (or function) it belongs to
        self._owner = {node: node.split(".", 1)[0] for node in flow.events}

    # -- the hull: every value a variable can hold -----------------------------------------------------
    def _initial(self) -> Env:
        env: Env = {}
        for name in self.flow.variables:
            decl = self.graph.variables[name]
            if decl.value is None:
                continue
            try:
                value = T.fold(decl.value)
            except T.Unknown:
                continue
            if isinstance(value, bool | int | float):
                env[name] = Interval(float(value), float(value))
        return env

    def _local(self, node: str) -> Env:
        """The parameters of the flows `node` is in, unknown: they shadow any global of that name."""
        names: list[str] = []
        here = self.graph.nodes.get(node)
        while here is not None:
            names += [p.removeprefix("ref ") for p in here.params]
            here = self.graph.nodes.get(here.parent) if here.parent else None
        owner = self._owner.get(node, node)
        names += [p.removeprefix("ref ") for p in self.graph.functions.get(owner, ())]
        return _fresh(names)

    def _written(self, use: VarUse, env: Env) -> Interval:
        """A bound on the value a write leaves in its variable, with every name's range in `env`."""
        old = env.get(use.name, TOP)
        match use.op:
            case "=":
                return evaluate_range(use.expr, env, self.graph)
            case "+=" if use.expr is not None:
                return _minus(old, _minus(Interval(0, 0), evaluate_range(use.expr, env, self.graph)))
            case "-=" if use.expr is not None:
                return _minus(old, evaluate_range(use.expr, env, self.graph))
            case "++":
                return _minus(old, Interval(-1, -1))
            case "--":
                return _minus(old, Interval(1, 1))
            case _:  # `ref`, or an operator the graph does not spell
                return TOP

    def _build_hull(self) -> None:
        hull = self._initial()
        for name in self.flow.always_written & hull.keys():
            hull[name] = TOP
        writes = [(node, event.use) for node, events in self.flow.events.items() for event in events
                  if event.kind == "write" and event.use is not None and event.name in hull]
        rounds = 0
        grew = True
        while grew:
            grew = False
            rounds += 1
            for node, use in writes:
                old = hull[use.name]
                value = self._written(use, {**hull, **self._local(node)})
                new = old.join(value)
                if new != old:
                    if rounds > _WIDEN_AFTER:
                        new = Interval(-math.inf if new.lo < old.lo else old.lo,
                                       math.inf if new.hi > old.hi else old.hi)
                    hull[use.name] = new
                    grew = True
        self.hull = hull

    # -- directions ------------------------------------------------------------------------------------
    def _delta(self, use: VarUse, local: Env) -> Interval:
        """A bound on `new - old` for a write, `old` anywhere in the variable's hull."""
        name, hull = use.name, self.hull
        x = hull[name]
        env = {**hull, **local}
        match use.op:
            case "++":
                return Interval(1, 1)
            case "--":
                return Interval(-1, -1)
            case "+=" if use.expr is not None:
                return evaluate_range(use.expr, env, self.graph)
            case "-=" if use.expr is not None:
                return _minus(Interval(0, 0), evaluate_range(use.expr, env, self.graph))
            case "=" if use.expr is not None:
                delta = self._shape(use.expr, name, env)
                if x.lo == x.hi:
                    pieces = [x]
                elif math.isfinite(x.lo) and math.isfinite(x.hi) and x.hi - x.lo <= _MAX_PIECES:
                    start = math.floor(x.lo)
                    pieces = [Interval(max(x.lo, v), min(x.hi, v + 1.0))
                              for v in range(start, math.ceil(x.hi)) if v + 1.0 >= x.lo]
                else:
                    pieces = [x]
                found: Interval | None = None
                for piece in pieces:
                    value = evaluate_range(use.expr, {**env, name: piece}, self.graph)
                    moved = _minus(value, piece)
                    found = moved if found is None else found.join(moved)
                assert found is not None
                return _meet(found, delta)
            case _:
                return TOP

    def _shape(self, expr: T.Expr, name: str, env: Env) -> Interval:
        """`x = x + e`, `x = e + x`, `x = x - e`: the delta is `e` itself (TOP for any other shape)."""
        match expr:
            case T.Binary("+", T.Var(n, "global"), other) if n == name:
                return evaluate_range(other, env, self.graph)
            case T.Binary("+", other, T.Var(n, "global")) if n == name:
                return evaluate_range(other, env, self.graph)
            case T.Binary("-", T.Var(n, "global"), other) if n == name:
                return _minus(Interval(0, 0), evaluate_range(other, env, self.graph))
            case _:
                return TOP

    def _moves(self, node: str, local: Env) -> Moves:
        """What the events of `node` may do to the globals, its names bound as in `local`: its own
        writes, and the functions it calls with the arguments it passes."""
        out: set[tuple[str, int]] = set()
        for event in self.flow.events.get(node, ()):
            if event.kind == "write":
                use = event.use
                if use is None or event.name not in self.hull:
                    out |= {(event.name, UP), (event.name, DOWN)}
                else:
                    out |= {(event.name, sign) for sign in _signs(self._delta(use, local))}
            elif event.kind == "call" and event.edge is not None:
                env = {**self.hull, **local}
                args = tuple(evaluate_range(arg, env, self.graph) for arg in event.edge.args)
                out |= self._function(event.name, args)
        return frozenset(out)

    def _function(self, function: str, args: tuple[Interval, ...]) -> Moves:
        """What a call may do to the globals, its parameters bound to the arguments' ranges."""
        params = [p.removeprefix("ref ") for p in self.graph.functions.get(function, ())]
        context = tuple(args[i] if i < len(args) else TOP for i in range(len(params)))
        key = (function, context)
        found = self._memo.get(key)
        if found is not None:
            return found
        if key in self._active:  # recursion: whatever it may write, either way
            return frozenset((v, s) for v in self.flow.may_write.get(function, ()) for s in (UP, DOWN))
        seen = self._contexts.get(function, 0)
        if seen >= _MAX_CONTEXTS and any(c != TOP for c in context):
            return self._function(function, ())
        self._contexts[function] = seen + 1
        self._active.add(key)
        try:
            bound = {p: context[i] for i, p in enumerate(params)}
            out: set[tuple[str, int]] = set()
            for node in self.flow.events:
                if self._owner[node] == function:
                    out |= self._moves(node, {**self._local(node), **bound})
        finally:
            self._active.discard(key)
        found = self._memo[key] = frozenset(out)
        return found

    def run(self) -> Directions:
        self._build_hull()
        by_knot: dict[str, set[tuple[str, int]]] = {}
        functions = self.flow.functions
        for node in self.flow.events:
            owner = self._owner[node]
            if owner in functions:
                continue  # a function's writes count where it is called, with the arguments passed
            by_knot.setdefault(owner, set()).update(self._moves(node, self._local(node)))
        anywhere: set[tuple[str, int]] = set()
        for function in self.flow.dynamic_targets & functions:  # called through a variable
            anywhere |= self._function(function, ())
        knots = {n.split(".", 1)[0] for n in self.graph.nodes} | {""}
        raisers: dict[str, set[str]] = {}
        lowerers: dict[str, set[str]] = {}
        for knot in knots:
            for name, sign in by_knot.get(knot, set()) | anywhere:
                (raisers if sign == UP else lowerers).setdefault(name, set()).add(knot)
        return Directions({n: frozenset(k) for n, k in raisers.items()},
                          {n: frozenset(k) for n, k in lowerers.items()}, dict(self.hull))
