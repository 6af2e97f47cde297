"""How far a state is from taking something not covered yet: the guided search's compass.

Coverage says only whether a walk took a branch. A branch guarded by `{bond_milo >= 6 and said_it}`
is found by random walks once in thousands, and a coverage-guided search finds it no sooner unless
it can tell a state *closer* to taking it from one further away. Search-based testing measures that
with a **branch distance** (Korel; Tracey et al.; the directed fuzzers AFLGo and Beacon use the same
idea): for each missing branch, a number that is 0 when the state's values make its condition true
and grows with how far they are from it, computed on the typed condition tree.

* `Guards.build(graph)` gives each coverage id (a node, a choice `*n`, a conditional branch `?n`, an
  ending `e:id`) its *guard*: the branch's own condition or the choice's conditions, and the way
  into the node it is written in — the conditions of the edges leading there, followed back a few
  edges (any of the ways in; each with its own conditions). A function called in a condition is
  inlined when it is one unconditional `~ return` with no parameters.
* `distance(guard, values)` folds the tree: `and` adds, `or` takes the smaller, `not` is pushed
  down to the comparisons, and a comparison `a >= b` costs `b - a` normalised into [0, 1)
  (`n / (n + 1)`, so one far-off stat does not outweigh several unmet flags). A term whose inputs
  can no longer change — a read count of a knot the state cannot reach again, a variable no knot it
  can reach writes — and is false makes the guard unreachable (`math.inf`). Anything the values
  cannot decide (a temporary, a parameter, a list operation) costs `UNDECIDED`.

Everything here is general: nothing depends on a story's names.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field

from dreamphases.compiler.exhaustive import assert_never
from dreamphases.compiler.expr_tree import (
    TRUE,
    Binary,
    Bool,
    Call,
    Const,
    DivertTarget,
    Expr,
    Increment,
    ListItem,
    ListLit,
    Num,
    ReadCount,
    Str,
    Unary,
    Unknown,
    Var,
    all_of,
    any_of,
    walk,
)
from dreamphases.compiler.graph import StoryGraph

__all__ = ["UNDECIDED", "Guards", "Values", "compiled", "distance", "inputs_of", "term_inputs"]

#: the cost of a term the values cannot decide: less than an unmet flag, more than a near miss
UNDECIDED = 0.5
#: how many edges back the way into a node is followed (each step multiplies the alternatives)
GUARD_DEPTH = 8
#: a node with more ways in than this is taken as open (one of them likely is)
MAX_WAYS = 6
#: a guard bigger than this many tree nodes is cut back to the branch's own condition
MAX_GUARD = 400

_FLIP = {"<": ">=", ">=": "<", ">": "<=", "<=": ">", "==": "!=", "!=": "=="}


@dataclass(slots=True)
class Values:
    """What a state's guard is judged on: global variables by name, visit counts by graph node id.

    `fixed(name)` says whether a variable (by name) or a read count (by node id) can no longer change
    from the state: a false term made only of fixed inputs can never become true."""

    variables: Mapping[str, object]
    counts: Mapping[str, int]
    fixed: Callable[[str], bool] | None = None


def _norm(gap: float) -> float:
    return gap / (gap + 1.0)


def _value(expr: Expr, values: Values) -> object:
    """A term's value, or raise `Unknown`."""
    match expr:
        case Num(number):
            return number
        case Bool(truth):
            return truth
        case Var(name, kind):
            if kind in ("global", "list") and name in values.variables:
                return values.variables[name]
            raise Unknown(name)
        case Const(_, inner):
            return _value(inner, values)
        case ReadCount(_, node):
            if node in values.counts:
                return values.counts[node]
            raise Unknown(node)
        case Unary("-", operand):
            negated = _value(operand, values)
            if isinstance(negated, int | float) and not isinstance(negated, bool):
                return -negated
            raise Unknown("-")
        case Unary("not", operand):
            return not _value(operand, values)
        case Binary("+" | "-" | "*" | "/" | "%" as op, left, right):
            result = _c_arith(op, _value(left, values), _value(right, values))  # ink's arithmetic, one place
            if result is _U:
                raise Unknown(op)
            return result
        case Call("LIST_COUNT", (arg,), "builtin"):
            items = _value(arg, values)
            try:
                return len(items)  # type: ignore[arg-type]
            except TypeError:
                raise Unknown("LIST_COUNT") from None
        case Binary() | Unary() | Str() | ListItem() | ListLit() | DivertTarget() | Call() | Increment():
            raise Unknown("not a plain value")
        case _:
            assert_never(expr)


def term_inputs(expr: Expr) -> set[str]:
    """The variables (by name, of any kind) and read counts (by node id) a term depends on: what
    `Values.fixed` is asked about."""
    out: set[str] = set()
    for node in walk(expr):
        if isinstance(node, Var):
            out.add(node.name)
        elif isinstance(node, ReadCount):
            out.add(node.node)
        elif isinstance(node, Const):
            out |= term_inputs(node.value)
    return out


def _fixed(expr: Expr, values: Values) -> bool:
    fixed = values.fixed
    if fixed is None:
        return False
    inputs = term_inputs(expr)
    return bool(inputs) and all(fixed(name) for name in inputs)


def _compare(op: str, a: object, b: object) -> float:
    """The distance of `a op b` from true (0 when it holds)."""
    if isinstance(a, bool) or isinstance(b, bool) or not (isinstance(a, int | float) and isinstance(b, int | float)):
        if op in ("==", "!="):
            return 0.0 if (a == b) == (op == "==") else 1.0
        return UNDECIDED
    step = 1 if isinstance(a, int) and isinstance(b, int) else 0
    match op:
        case "==":
            return _norm(abs(a - b))
        case "!=":
            return 0.0 if a != b else _norm(1)
        case "<":
            return 0.0 if a < b else _norm(a - b + step)
        case "<=":
            return 0.0 if a <= b else _norm(a - b)
        case ">":
            return 0.0 if a > b else _norm(b - a + step)
        case ">=":
            return 0.0 if a >= b else _norm(b - a)
    return UNDECIDED


def distance(expr: Expr, values: Values, want: bool = True) -> float:
    """How far `values` are from making `expr` come out as `want` (0: it does; `math.inf`: never)."""
    match expr:
        case Bool(v):
            return 0.0 if v == want else math.inf
        case Unary("not", operand):
            return distance(operand, values, not want)
        case Binary("and" | "or" as op, left, right):
            conjunction = (op == "and") == want  # `not (a or b)` is `not a and not b`
            a, b = distance(left, values, want), distance(right, values, want)
            return a + b if conjunction else min(a, b)
        case Binary("==" | "!=" | "<" | "<=" | ">" | ">=" as op, left, right):
            try:
                gap = _compare(op if want else _FLIP[op], _value(left, values), _value(right, values))
            except Unknown:
                return UNDECIDED
            return math.inf if gap and _fixed(expr, values) else gap
        case Const(_, inner):
            return distance(inner, values, want)
        case Num() | Var() | ReadCount() | Call() | Str() | ListItem() | ListLit() | DivertTarget() \
                | Unary() | Binary() | Increment():
            try:
                truth = bool(_value(expr, values))
            except Unknown:
                return UNDECIDED
            if truth == want:
                return 0.0
            return math.inf if _fixed(expr, values) else 1.0
        case _:
            assert_never(expr)


def inputs_of(expr: Expr) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(variables, read-count node ids) the distance of `expr` depends on, each in a fixed order:
    equal inputs give an equal distance, so callers can remember it."""
    nodes = list(walk(expr))
    for node in list(nodes):
        if isinstance(node, Const):
            nodes += walk(node.value)
    variables = dict.fromkeys(n.name for n in nodes if isinstance(n, Var) and n.kind in ("global", "list"))
    counts = dict.fromkeys(n.node for n in nodes if isinstance(n, ReadCount))
    return tuple(variables), tuple(counts)


@dataclass(slots=True)
class Guards:
    """Each coverage id's guard and the knot it is written in, built once from the story graph."""

    guard: dict[str, Expr] = field(default_factory=dict)
    knot: dict[str, str] = field(default_factory=dict)
    #: variables (names) and read counts (node ids) some guard depends on
    variables: frozenset[str] = frozenset()
    counts: frozenset[str] = frozenset()
    #: variable -> the knots (functions included) that write it
    writers: dict[str, frozenset[str]] = field(default_factory=dict)

    def fixed(self, reachable: Collection[str]) -> Callable[[str], bool]:
        """`Values.fixed` for a state that can reach only these knots: a read count is fixed once its
        knot is out of reach, a variable once every knot writing it is."""
        counts = self.counts

        def fixed(name: str) -> bool:
            if name in counts:
                return name.split(".", 1)[0] not in reachable
            return not any(knot in reachable for knot in self.writers.get(name, ()))

        return fixed

    @classmethod
    def build(cls, graph: StoryGraph, ids: Collection[str]) -> Guards:
        inline = {name: rs[0].value for name, rs in graph.returns.items()
                  if len(rs) == 1 and rs[0].value is not None and not rs[0].conditions
                  and not graph.functions.get(name)}
        into: dict[str, list[tuple[str, tuple[Expr, ...]]]] = {}
        for edge in graph.edges:
            if edge.kind != "call" and edge.source != edge.target:
                into.setdefault(edge.target, []).append((edge.source, edge.conditions))
        memo: dict[tuple[str, int], Expr] = {}

        def way_in(node: str, depth: int) -> Expr:
            """Any of the ways into `node`, each with its conditions, followed `depth` edges back (a
            node with many ways in is taken as unconstrained: one of them is likely open)."""
            key = (node, depth)
            found = memo.get(key)
            if found is not None:
                return found
            ways: list[Expr] = []
            sources = into.get(node, ())
            if len(sources) <= MAX_WAYS:
                for source, conditions in sources:
                    before = way_in(source, depth - 1) if depth > 1 else TRUE
                    here = all_of([c for c in (*conditions, before) if c != TRUE])
                    if here == TRUE:
                        ways = []
                        break
                    ways.append(here)
            memo[key] = out = any_of(ways) if ways else TRUE
            return out

        out = cls()
        own: tuple[Expr, ...]
        for coverage_id in ids:
            if coverage_id.startswith("?"):
                branch = graph.branches[int(coverage_id[1:])]
                node, own = branch.node, (branch.condition,)
            elif coverage_id.startswith("*"):
                choice = graph.choices[int(coverage_id[1:])]
                node, own = choice.node, choice.conditions
            elif coverage_id.startswith("e:"):
                ending = next((e for e in graph.endings if e.id == coverage_id[2:]), None)
                if ending is None:
                    continue
                node, own = ending.node, ()
            else:
                node, own = coverage_id, ()
            guard = all_of([_inlined(c, inline) for c in (*own, way_in(node, GUARD_DEPTH))
                            if c != TRUE])
            if sum(1 for _ in walk(guard)) > MAX_GUARD:
                guard = all_of([_inlined(c, inline) for c in own])
            out.guard[coverage_id] = guard
            out.knot[coverage_id] = node.split(".", 1)[0]
        inputs = [n for g in out.guard.values() for n in walk(g)]
        out.variables = frozenset(n.name for n in inputs if isinstance(n, Var) and n.kind in ("global", "list"))
        out.counts = frozenset(n.node for n in inputs if isinstance(n, ReadCount))
        writers: dict[str, set[str]] = {}
        for use in graph.uses:
            if use.mode == "write":
                writers.setdefault(use.name, set()).add(use.node.split(".", 1)[0])
        out.writers = {name: frozenset(knots) for name, knots in writers.items()}
        return out


def _inlined(expr: Expr, inline: Mapping[str, Expr], depth: int = 0) -> Expr:
    """`expr` with calls of parameterless one-line functions replaced by what they return."""
    match expr:
        case Call(name, (), "function") if name in inline and depth < 4:
            return _inlined(inline[name], inline, depth + 1)
        case Unary(op, operand):
            return Unary(op, _inlined(operand, inline, depth))
        case Binary(op, left, right):
            return Binary(op, _inlined(left, inline, depth), _inlined(right, inline, depth))
        case Num() | Bool() | Str() | Var() | Const() | ListItem() | ListLit() | ReadCount() | DivertTarget() \
                | Call() | Increment():
            return expr
        case _:
            assert_never(expr)


# -- compiled guards: the same distance, as one Python function per guard --------------------------
# The guided search measures a dozen guards at every choice point; walking the tree costs several µs
# a node, so each guard is turned once into Python source with the same rules (`distance` with no
# `fixed`: the walk cannot tell what is settled) and compiled. The common terms are written out
# rather than called: a truth test, `min`, and a comparison of a number with a constant (the general
# comparison, `_compare`, is called for anything else); a call costs more than such a term itself,
# and the bundled story's guards hold dozens of terms (2.5 times faster over the guided search's
# measures than the tree). Each input, value and term is a local computed once (`_Code`).

class _Undecided:
    """A value the inputs cannot give (the compiled form of `Unknown`)."""


_U = _Undecided()


def _c_num(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _c_cmp(op: str, a: object, b: object) -> float:
    if a is _U or b is _U:
        return UNDECIDED
    return _compare(op, a, b)


def _c_arith(op: str, a: object, b: object) -> object:
    if not (isinstance(a, int | float) and isinstance(b, int | float)) or (op in "/%" and not b):
        return _U
    match op:
        case "+":
            return a + b
        case "-":
            return a - b
        case "*":
            return a * b
        case "/":
            return a // b if isinstance(a, int) and isinstance(b, int) else a / b
    return a % b


def _c_neg(value: object) -> object:
    return -value if _c_num(value) else _U  # type: ignore[operator]


def _c_not(value: object) -> object:
    return _U if value is _U else not value


def _c_len(value: object) -> object:
    try:
        return len(value)  # type: ignore[arg-type]
    except TypeError:
        return _U


class _Code:
    """The statements of a compiled guard, each a local computed once (`r0 = ...`): an input read, a
    value, a term or an `and`/`or` of two. A guard's ways in repeat the same conditions, so the same
    text is given the same local (over the guided search's measures of the bundled story, a guard
    reads 3 distinct inputs for every 10 reads it writes). Every term of a guard is measured (an
    `and` adds, an `or` takes the smaller), and each is a pure function of the inputs, so computing
    a repeated one once changes no distance."""

    __slots__ = ("lines", "names")

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.names: dict[str, str] = {}

    def local(self, code: str) -> str:
        """The local holding `code`'s value (a new statement the first time it is met)."""
        name = self.names.get(code)
        if name is None:
            name = self.names[code] = f"r{len(self.names)}"
            self.lines.append(f"    {name} = {code}")
        return name


def _c_value(expr: Expr, code: _Code) -> str:
    match expr:
        case Num(number):
            return repr(number)
        case Bool(truth):
            return repr(truth)
        case Var(name, kind):
            return code.local(f"v.get({name!r}, U)") if kind in ("global", "list") else "U"
        case Const(_, inner):
            return _c_value(inner, code)
        case ReadCount(_, node):
            return code.local(f"c.get({node!r}, U)")
        case Unary("-", operand):
            return code.local(f"neg({_c_value(operand, code)})")
        case Unary("not", operand):
            return code.local(f"not_({_c_value(operand, code)})")
        case Binary("+" | "-" | "*" | "/" | "%" as op, left, right):
            return code.local(f"arith({op!r}, {_c_value(left, code)}, {_c_value(right, code)})")
        case Call("LIST_COUNT", (arg,), "builtin"):
            return code.local(f"len_({_c_value(arg, code)})")
        case Binary() | Unary() | Str() | ListItem() | ListLit() | DivertTarget() | Call() | Increment():
            return "U"
        case _:
            assert_never(expr)


def _c_distance(expr: Expr, want: bool, code: _Code) -> str:
    """The local (or constant) holding `distance(expr, values, want)`, its statements added to `code`."""
    match expr:
        case Bool(truth):
            return "0.0" if truth == want else "INF"
        case Unary("not", operand):
            return _c_distance(operand, not want, code)
        case Binary("and" | "or" as op, left, right):
            a, b = _c_distance(left, want, code), _c_distance(right, want, code)
            if (op == "and") == want:
                return code.local(f"{a} + {b}")
            return code.local(f"{b} if {a} > {b} else {a}")  # min(a, b), as `min` gives it
        case Binary("==" | "!=" | "<" | "<=" | ">" | ">=" as op, left, right):
            wanted = op if want else _FLIP[op]
            if isinstance(right, Num) and type(right.value) in (int, float) and math.isfinite(right.value):
                return code.local(_c_compare_number(wanted, _c_value(left, code), right.value))
            return code.local(f"cmp({wanted!r}, {_c_value(left, code)}, {_c_value(right, code)})")
        case Const(_, inner):
            return _c_distance(inner, want, code)
        case Num() | Var() | ReadCount() | Call() | Str() | ListItem() | ListLit() | DivertTarget() \
                | Unary() | Binary() | Increment():
            value = _c_value(expr, code)
            if value == "U":
                return "UD"
            if value not in code.names.values():  # a constant: `is` wants a local
                value = code.local(value)
            met, unmet = ("0.0", "1.0") if want else ("1.0", "0.0")
            return code.local(f"UD if {value} is U else {met} if {value} else {unmet}")
        case _:
            assert_never(expr)


def _c_compare_number(op: str, a: str, b: int | float) -> str:
    """`cmp(op, a, b)` for a constant number `b` and a value `a` (a local or a constant): `_compare`'s
    rules written out for the numbers they treat as numbers (an int against an int constant, an int
    or a float against a float one), with `_norm` inlined; any other value (a bool, a string,
    undecided) goes to `cmp`. `_g` is the statement's own scratch local."""
    step = 1 if type(b) is int else 0  # `_compare`'s step: 1 when both sides are ints
    near = {
        "==": f"(_g := abs({a} - {b!r})) / (_g + 1.0)",
        "!=": f"0.0 if {a} != {b!r} else {_norm(1)!r}",
        "<": f"0.0 if {a} < {b!r} else (_g := {a} - {b!r} + {step}) / (_g + 1.0)",
        "<=": f"0.0 if {a} <= {b!r} else (_g := {a} - {b!r}) / (_g + 1.0)",
        ">": f"0.0 if {a} > {b!r} else (_g := {b!r} - {a} + {step}) / (_g + 1.0)",
        ">=": f"0.0 if {a} >= {b!r} else (_g := {b!r} - {a}) / (_g + 1.0)",
    }[op]
    numeric = f"type({a}) is int" if step else f"type({a}) in NUMBERS"
    return f"({near}) if {numeric} else cmp({op!r}, {a}, {b!r})"


_HELPERS = {"U": _U, "UD": UNDECIDED, "INF": math.inf, "NUMBERS": (int, float), "cmp": _c_cmp, "arith": _c_arith,
            "neg": _c_neg, "not_": _c_not, "len_": _c_len}


def compiled(expr: Expr) -> Callable[[Mapping[str, object], Mapping[str, int]], float]:
    """`distance(expr, Values(variables, counts))` as a function of (variables, counts), compiled."""
    try:
        code = _Code()
        result = _c_distance(expr, True, code)
        namespace = dict(_HELPERS)
        exec(compile("\n".join(["def guard(v, c):", *code.lines, f"    return {result}"]), "<guard>", "exec"),  # noqa: S102 - our own text
             namespace)
        function: Callable[[Mapping[str, object], Mapping[str, int]], float] = namespace["guard"]  # type: ignore[assignment]
    except (RecursionError, SyntaxError, MemoryError):  # too deep for Python's parser: walk the tree
        return lambda v, c: distance(expr, Values(v, c))
    return function
