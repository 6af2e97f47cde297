"""Value ranges: at each place, an interval every numeric global is proven to lie in, over every path.

A forward analysis over the same events as `reaching.py`: initial values, writes whose right-hand
side can be bounded (constants, `+=`/`-=`/`++`/`--` steps, `MIN`/`MAX`, other variables' ranges, and
calls to ink functions, whose `~ return` values are bounded under the conditions they sit in: so a
`clamp(v, lo, hi)` function gives back `lo..hi`). Anything else makes the variable unbounded. Ranges
are joined where paths meet and widened to infinity after a few rounds, so loops end. A condition is
*decided* when it evaluates to the same truth for every value in the ranges: only that is reported.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from dreamphases.analysis.flow import Event, FlowGraph, build_flow
from dreamphases.compiler import expr_tree as T
from dreamphases.compiler.graph import StoryGraph

__all__ = ["Interval", "Ranges", "TOP", "evaluate_range", "decide"]

INF = math.inf
#: rounds a node's ranges may grow before the growing bounds are widened to infinity
_WIDEN_AFTER = 4
#: how deep function calls are followed when bounding a call's value
_CALL_DEPTH = 4


@dataclass(frozen=True, slots=True)
class Interval:
    lo: float
    hi: float

    def join(self, other: Interval) -> Interval:
        # the same object, or one inside the other, is common where paths meet: no new interval
        if other is self or (self.lo <= other.lo and other.hi <= self.hi):
            return self
        return Interval(min(self.lo, other.lo), max(self.hi, other.hi))

    def __str__(self) -> str:
        def show(x: float) -> str:
            return "−∞" if x == -INF else "∞" if x == INF else f"{x:g}"
        return show(self.lo) if self.lo == self.hi else f"{show(self.lo)}..{show(self.hi)}"


TOP = Interval(-INF, INF)
Env = dict[str, Interval]


def _num(value: object) -> Interval | None:
    if isinstance(value, bool):
        return Interval(float(value), float(value))
    if isinstance(value, int | float):
        return Interval(float(value), float(value))
    return None


def _add(a: Interval, b: Interval) -> Interval:
    return Interval(a.lo + b.lo if not (a.lo == -INF or b.lo == -INF) else -INF,
                    a.hi + b.hi if not (a.hi == INF or b.hi == INF) else INF)


def _neg(a: Interval) -> Interval:
    return Interval(-a.hi, -a.lo)


def _mul(a: Interval, b: Interval) -> Interval:
    if TOP in (a, b) or INF in (abs(a.lo), abs(a.hi), abs(b.lo), abs(b.hi)):
        return TOP
    products = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi]
    return Interval(min(products), max(products))


def evaluate_range(expr: T.Expr | None, env: Env, graph: StoryGraph | None = None, depth: int = 0) -> Interval:
    """An interval holding every value `expr` can take when each variable lies in `env` (TOP if unknown)."""
    if expr is None:
        return TOP
    match expr:
        case T.Num(value):
            return Interval(float(value), float(value))
        case T.Bool(value):
            return Interval(float(value), float(value))
        case T.Var(name, kind):
            return env.get(name, TOP) if kind in ("global", "param", "temp") else TOP
        case T.Const(_, value):
            return evaluate_range(value, env, graph, depth)
        case T.Unary("-", operand):
            return _neg(evaluate_range(operand, env, graph, depth))
        case T.Binary("+", left, right):
            return _add(evaluate_range(left, env, graph, depth), evaluate_range(right, env, graph, depth))
        case T.Binary("-", left, right):
            return _add(evaluate_range(left, env, graph, depth), _neg(evaluate_range(right, env, graph, depth)))
        case T.Binary("*", left, right):
            return _mul(evaluate_range(left, env, graph, depth), evaluate_range(right, env, graph, depth))
        case T.Call(name, args, kind):
            values = [evaluate_range(a, env, graph, depth) for a in args]
            if kind == "builtin" and name in ("MIN", "MAX") and len(values) == 2:
                a, b = values
                pick = min if name == "MIN" else max
                return Interval(pick(a.lo, b.lo), pick(a.hi, b.hi))
            if kind == "function" and graph is not None and depth < _CALL_DEPTH:
                return _call(name, values, env, graph, depth + 1)
            return TOP
        case _:
            truth = decide(expr, env, graph, depth)
            if truth is not None:
                return Interval(float(truth), float(truth))
            return Interval(0.0, 1.0) if isinstance(expr, T.Binary) and expr.op in (
                "and", "or", "==", "!=", "<", ">", "<=", ">=") or isinstance(expr, T.Unary) else TOP


def _env_reads(expr: T.Expr | None, graph: StoryGraph, seen: set[str] | None = None) -> set[str]:
    """Every name `evaluate_range(expr, env, graph)` may look up in `env`, through the functions it
    calls too (their `~ return` values and conditions): a superset, so a result keyed on these
    names' ranges is exact."""
    names: set[str] = set()
    if expr is None:
        return names
    seen = set() if seen is None else seen
    stack = [expr]
    while stack:
        node = stack.pop()
        match node:
            case T.Var(name):
                names.add(name)
            case T.Const(_, value):
                stack.append(value)
            case T.Call(name, args, "function"):
                stack.extend(args)
                if name not in seen:
                    seen.add(name)
                    for ret in graph.returns.get(name, ()):
                        names |= _env_reads(ret.value, graph, seen)
                        for cond in ret.conditions:
                            names |= _env_reads(cond, graph, seen)
            case _:
                stack.extend(T.children(node))
    return names


def _call(name: str, args: list[Interval], env: Env, graph: StoryGraph, depth: int) -> Interval:
    """The hull of a function's `~ return` values, each under its conditions, with parameters bound."""
    returns = graph.returns.get(name)
    params = graph.functions.get(name)
    if not returns or params is None or any(p.startswith("ref ") for p in params):
        return TOP
    local: Env = {p: (args[i] if i < len(args) else TOP) for i, p in enumerate(params)}
    found: Interval | None = None
    for ret in returns:
        scope = dict(local)
        possible = True
        for cond in ret.conditions:
            if decide(cond, scope, graph, depth) is False:
                possible = False
                break
            scope = refine(cond, scope, True)
        if not possible:
            continue
        value = evaluate_range(ret.value, {**env, **scope}, graph, depth) if ret.value is not None else TOP
        found = value if found is None else found.join(value)
    return found if found is not None else TOP


_FLIP = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "==": "==", "!=": "!="}


def _compare(op: str, a: Interval, b: Interval) -> bool | None:
    if op == "<":
        return True if a.hi < b.lo else False if a.lo >= b.hi else None
    if op == "<=":
        return True if a.hi <= b.lo else False if a.lo > b.hi else None
    if op in (">", ">="):
        return _compare(_FLIP[op], b, a)
    if op == "==":
        if a.lo == a.hi == b.lo == b.hi:
            return True
        return False if a.hi < b.lo or b.hi < a.lo else None
    if op == "!=":
        same = _compare("==", a, b)
        return None if same is None else not same
    return None


def decide(expr: T.Expr, env: Env, graph: StoryGraph | None = None, depth: int = 0) -> bool | None:
    """True or False when `expr` has that truth for every value in `env`'s ranges; None otherwise."""
    match expr:
        case T.Bool(value):
            return value
        case T.Unary("not", operand):
            inner = decide(operand, env, graph, depth)
            return None if inner is None else not inner
        case T.Binary("and", left, right):
            a, b = decide(left, env, graph, depth), decide(right, env, graph, depth)
            return False if False in (a, b) else True if a is True and b is True else None
        case T.Binary("or", left, right):
            a, b = decide(left, env, graph, depth), decide(right, env, graph, depth)
            return True if True in (a, b) else False if a is False and b is False else None
        case T.Binary(op, left, right) if op in _FLIP:
            x, y = evaluate_range(left, env, graph, depth), evaluate_range(right, env, graph, depth)
            if TOP in (x, y):
                return None
            return _compare(op, x, y)
        case _:
            return None


def refine(expr: T.Expr, env: Env, truth: bool) -> Env:
    """`env` narrowed by knowing `expr` has this truth (comparisons of a variable with a constant)."""
    match expr:
        case T.Unary("not", operand):
            return refine(operand, env, not truth)
        case T.Binary("and", left, right) if truth:
            return refine(right, refine(left, env, True), True)
        case T.Binary("or", left, right) if not truth:
            return refine(right, refine(left, env, False), False)
        case T.Binary(op, T.Var(name), other) if op in _FLIP:
            bound = evaluate_range(other, env)
            return _narrow(env, name, op if truth else _negate_op(op), bound)
        case T.Binary(op, other, T.Var(name)) if op in _FLIP:
            bound = evaluate_range(other, env)
            return _narrow(env, name, _FLIP[op] if truth else _negate_op(_FLIP[op]), bound)
        case _:
            return env


def _negate_op(op: str) -> str:
    return {"<": ">=", ">=": "<", ">": "<=", "<=": ">", "==": "!=", "!=": "=="}[op]


def _narrow(env: Env, name: str, op: str, bound: Interval) -> Env:
    current = env.get(name, TOP)
    lo, hi = current.lo, current.hi
    if op in ("<", "<="):
        hi = min(hi, bound.hi)
    elif op in (">", ">="):
        lo = max(lo, bound.lo)
    elif op == "==":
        lo, hi = max(lo, bound.lo), min(hi, bound.hi)
    if lo > hi:
        return env
    out = dict(env)
    out[name] = Interval(lo, hi)
    return out


@dataclass
class Ranges:
    """Per node: the ranges on entering it (absent: unreachable, or a variable not numeric)."""

    flow: FlowGraph
    entry: dict[str, Env] = field(default_factory=dict)
    numeric: frozenset[str] = frozenset()
    _rounds: dict[str, int] = field(default_factory=dict)
    #: (function, variable) -> the names `_function_write` looks up in the caller's ranges
    _write_reads: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    #: `_function_write` results by function, variable, depth and the ranges of those names: the same
    #: call is met again on every round of the fixpoint and again by `at`
    _write_memo: dict[tuple[object, ...], Interval] = field(default_factory=dict)

    @classmethod
    def build(cls, graph: StoryGraph | FlowGraph) -> Ranges:
        flow = graph if isinstance(graph, FlowGraph) else build_flow(graph)
        result = cls(flow)
        result._solve()
        return result

    def _initial(self) -> Env:
        env: Env = {}
        for name in self.flow.variables:
            decl = self.flow.graph.variables[name]
            value = _num(T.fold(decl.value)) if decl.value is not None and _foldable(decl.value) else None
            if value is not None:
                env[name] = value
        self.numeric = frozenset(env)
        return env

    def step(self, event: Event, env: Env) -> Env:
        """The ranges after `event`."""
        graph = self.flow.graph
        if event.kind == "write" and event.name in self.numeric:
            use = event.use
            out = dict(env)
            if use is None or use.op == "ref":
                out[event.name] = TOP
            elif use.op in ("++", "--"):
                out[event.name] = _add(env.get(event.name, TOP), Interval(1, 1) if use.op == "++" else Interval(-1, -1))
            elif use.op in ("+=", "-="):
                step = evaluate_range(use.expr, env, graph)
                out[event.name] = _add(env.get(event.name, TOP), step if use.op == "+=" else _neg(step))
            else:
                out[event.name] = evaluate_range(use.expr, env, graph)
            return out
        if event.kind == "call":
            written = self.flow.may_write.get(event.name, frozenset())
            if not written & self.numeric:
                return env
            out = dict(env)
            for name in written & self.numeric:
                out[name] = self._function_write(event.name, name, env)
            return out
        return env

    def _function_write(self, function: str, name: str, env: Env, depth: int = 0) -> Interval:
        """What `name` may hold after a call: the hull of its old range and every write to it in the
        function (parameters unknown), following nested calls."""
        if depth > _CALL_DEPTH:
            return TOP
        reads = self._write_reads.get((function, name))
        if reads is None:
            reads = self._write_reads[(function, name)] = tuple(sorted(self._function_reads(function, name, set())))
        key = (function, name, depth, *(env.get(n, TOP) for n in reads))
        found = self._write_memo.get(key)
        if found is None:
            found = self._write_memo[key] = self._function_write_uncached(function, name, env, depth)
        return found

    def _function_reads(self, function: str, name: str, seen: set[str]) -> set[str]:
        """The names `_function_write(function, name, …)` may look up in its `env` (a superset)."""
        names = {name}
        if function in seen:
            return names
        seen.add(function)
        for event in self.flow.events.get(function, ()):
            if event.kind == "write" and event.name == name and event.use is not None and event.use.op == "=":
                names |= _env_reads(event.use.expr, self.flow.graph)
            elif event.kind == "call" and name in self.flow.may_write.get(event.name, frozenset()):
                names |= self._function_reads(event.name, name, seen)
        return names

    def _function_write_uncached(self, function: str, name: str, env: Env, depth: int) -> Interval:
        result = env.get(name, TOP)
        for event in self.flow.events.get(function, ()):
            if event.kind == "write" and event.name == name and event.use is not None:
                use = event.use
                if use.op == "=":
                    result = result.join(evaluate_range(use.expr, {**env, name: result}, self.flow.graph))
                else:
                    result = TOP
            elif event.kind == "call" and name in self.flow.may_write.get(event.name, frozenset()):
                result = result.join(self._function_write(event.name, name, env, depth + 1))
        return result

    def _merge(self, target: str, env: Env, todo: list[str]) -> None:
        old = self.entry.get(target)
        if old is None:
            self.entry[target] = dict(env)
            todo.append(target)
            return
        if env is old:
            return
        # the join of the two, and whether it grew: this runs for every edge on every round, and most
        # ranges arrive unchanged (the very same object), so those are neither joined nor compared
        new: Env = {}
        grew = False
        for k, v in old.items():
            other = env.get(k)
            if other is None:
                grew = True
                continue
            if other is not v and not (v.lo <= other.lo and other.hi <= v.hi):
                v = Interval(min(v.lo, other.lo), max(v.hi, other.hi))
                grew = True
            new[k] = v
        if grew:
            rounds = self._rounds.get(target, 0) + 1
            self._rounds[target] = rounds
            if rounds > _WIDEN_AFTER:
                new = {k: Interval(-INF if v.lo < old[k].lo else v.lo, INF if v.hi > old[k].hi else v.hi)
                       for k, v in new.items()}
            self.entry[target] = new
            todo.append(target)

    def _solve(self) -> None:
        graph = self.flow.graph
        if "" not in graph.nodes:
            return
        start = self._initial()
        for name in self.flow.always_written & self.numeric:
            start[name] = TOP
        self.entry[""] = start
        todo = [""]
        while todo:
            node_id = todo.pop()
            env = self.entry[node_id]
            for event in self.flow.events.get(node_id, ()):
                if event.kind == "jump":
                    edge = event.edge
                    targets = self.flow.jump_targets(event)
                    if edge is not None and edge.kind in ("tunnel", "thread"):
                        for target in targets:
                            self._merge(target, env, todo)
                        env = self._after_tunnel(targets, env)
                    else:
                        for target in targets:
                            self._merge(target, env, todo)
                else:
                    env = self.step(event, env)
            node = graph.nodes.get(node_id)
            if node is not None and node.kind == "label" and node.parent in graph.nodes:
                self._merge(str(node.parent), env, todo)

    def _after_tunnel(self, targets: tuple[str, ...], env: Env) -> Env:
        """A tunnel or thread may change whatever its knot (and what it calls) writes: unbounded."""
        changed: set[str] = set()
        for target in targets:
            changed |= self.flow.knot_writes(target) & self.numeric
        if not changed:
            return env
        out = dict(env)
        for name in changed:
            out[name] = TOP
        return out

    def at(self, node_id: str, line: int) -> Env | None:
        """The ranges just before what is written on `line` in `node_id` (None if unreachable)."""
        env = self.entry.get(node_id)
        if env is None:
            return None
        for event in self.flow.events.get(node_id, ()):
            if event.line >= line:
                break
            if event.kind == "jump":
                edge = event.edge
                if edge is not None and edge.kind in ("tunnel", "thread"):
                    env = self._after_tunnel(self.flow.jump_targets(event), env)
            else:
                env = self.step(event, env)
        return env


def _foldable(expr: T.Expr) -> bool:
    try:
        T.fold(expr)
    except T.Unknown:
        return False
    return True
