"""Resolved expression trees: how the story graph holds conditions, initial values and guards.

The parser's expressions (`ast`) say what was written; these say what it means once names are
resolved: a `Var` is a global, a temporary, a parameter or a list variable; a `ReadCount` names the
graph node it counts; a `Const` carries its value. Tools walk these trees (the lint rules, `map`,
`explore`, the state analysis) instead of re-parsing text, so parentheses and precedence are never
lost: `source(expr)` is the one printer, and it parenthesises exactly where ink's grammar needs it.

Nodes are frozen slotted dataclasses (hashable, cheap, comparable), so a condition can be a set
member or a dictionary key. Every pass over them should `match` on `Expr` and end with
`assert_never`, so a new kind of node is a type error wherever it is not handled yet.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from dreamphases.compiler.exhaustive import assert_never

__all__ = [
    "Expr", "Num", "Bool", "Str", "Var", "VarKind", "Const", "ListItem", "ListLit", "ReadCount",
    "DivertTarget", "Unary", "UnaryOp", "Binary", "BinaryOp", "Call", "CallKind", "Increment",
    "EXPR_TYPES", "TRUE", "source", "children", "walk", "variables_read", "variables_written", "negate",
    "any_of", "all_of",
    "Unknown", "evaluate", "fold", "numbers",
]

#: "global" (VAR), "temp" (`~ temp`), "param" (a knot's, stitch's or function's parameter),
#: "list" (a LIST's variable), "unresolved" (a name the compiler reported as an error)
VarKind = Literal["global", "temp", "param", "list", "unresolved"]
UnaryOp = Literal["-", "not"]
#: ink's binary operators as writers spell them (`and`/`or`/`has`/`hasnt` for `&&`/`||`/`?`/`!?`)
BinaryOp = Literal[
    "and", "or", "==", "!=", "<", ">", "<=", ">=", "has", "hasnt", "^", "+", "-", "*", "/", "%",
]
#: "builtin" (TURNS_SINCE, RANDOM …), "function" (an ink function), "external" (EXTERNAL),
#: "variable" (a divert-target variable called as a function), "list" (a list cast `Colour(2)`),
#: "unresolved" (reported as an error)
CallKind = Literal["builtin", "function", "external", "variable", "list", "unresolved"]


@dataclass(frozen=True, slots=True)
class Num:
    value: int | float


@dataclass(frozen=True, slots=True)
class Bool:
    value: bool


@dataclass(frozen=True, slots=True)
class Str:
    """A string literal; `parts` are its text and the expressions it interpolates (`"a {x}"`)."""

    parts: tuple[str | Expr, ...]


@dataclass(frozen=True, slots=True)
class Var:
    """A variable read: what `name` refers to is `kind`."""

    name: str
    kind: VarKind


@dataclass(frozen=True, slots=True)
class Const:
    """A CONST, with the expression it stands for."""

    name: str
    value: Expr


@dataclass(frozen=True, slots=True)
class ListItem:
    """A list item, as written (`name`: `red` or `Colour.red`), resolved to its list and value."""

    name: str
    list: str
    item: str
    value: int


@dataclass(frozen=True, slots=True)
class ListLit:
    items: tuple[ListItem, ...]


@dataclass(frozen=True, slots=True)
class ReadCount:
    """How often a knot, stitch or label was visited; `node` is its story-graph node id."""

    name: str
    node: str


@dataclass(frozen=True, slots=True)
class DivertTarget:
    """`-> path` used as a value; `node` is the graph node id, "END"/"DONE", or "*var"."""

    path: str
    node: str


@dataclass(frozen=True, slots=True)
class Unary:
    op: UnaryOp
    operand: Expr


@dataclass(frozen=True, slots=True)
class Binary:
    op: BinaryOp
    left: Expr
    right: Expr


@dataclass(frozen=True, slots=True)
class Call:
    name: str
    args: tuple[Expr, ...]
    kind: CallKind
    #: for each argument, whether it is passed to a `ref` parameter (the callee may write it)
    refs: tuple[bool, ...] = ()


@dataclass(frozen=True, slots=True)
class Increment:
    """`x++` / `x--` inside an expression: reads and writes `var`."""

    var: Var
    op: Literal["++", "--"]


Expr = (
    Num | Bool | Str | Var | Const | ListItem | ListLit | ReadCount | DivertTarget | Unary | Binary
    | Call | Increment
)

#: the node classes, for `isinstance(x, EXPR_TYPES)`
EXPR_TYPES = (Num, Bool, Str, Var, Const, ListItem, ListLit, ReadCount, DivertTarget, Unary, Binary, Call, Increment)

TRUE = Bool(True)

# ---------------------------------------------------------------------------------------------
# Printing

#: binding strength, as ink's parser has it (`-` binds tighter than `+`, `/` than `*`); operators of
#: equal strength associate to the left
PRECEDENCE: dict[BinaryOp, int] = {
    "and": 1, "or": 1,
    "==": 2, "!=": 2, "<": 2, ">": 2, "<=": 2, ">=": 2,
    "has": 3, "hasnt": 3, "^": 3,
    "+": 4, "-": 5, "*": 6, "/": 7, "%": 8,
}
_ATOM = 10  # literals, names, calls, unary operators: never need parentheses as operands


def _number(value: int | float) -> str:
    if isinstance(value, bool):  # pragma: no cover - Bool is its own node
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = repr(value)
    return format(value, "f") if "e" in text or "E" in text else text


def _strength(expr: Expr) -> int:
    return PRECEDENCE[expr.op] if isinstance(expr, Binary) else _ATOM


def _operand(expr: Expr, weakest: int, parent: BinaryOp | None = None) -> str:
    text = source(expr)
    if _strength(expr) < weakest:
        return f"({text})"
    # ink gives `and` and `or` the same precedence (left to right), unlike most languages: mixed,
    # they are parenthesised so nobody reads `a or b and c` as `a or (b and c)`
    if parent in ("and", "or") and isinstance(expr, Binary) and expr.op in ("and", "or") and expr.op != parent:
        return f"({text})"
    return text


def source(expr: Expr) -> str:
    """The expression as ink source, parenthesised where precedence requires (and nowhere else)."""
    match expr:
        case Num(value):
            return _number(value)
        case Bool(value):
            return "true" if value else "false"
        case Str(parts):
            return '"' + "".join(p if isinstance(p, str) else "{" + source(p) + "}" for p in parts) + '"'
        case Var(name) | Const(name) | ListItem(name) | ReadCount(name):
            return name
        case ListLit(items):
            return "(" + ", ".join(i.name for i in items) + ")"
        case DivertTarget(path):
            return f"-> {path}"
        case Unary(op, operand):
            inner = _operand(operand, _ATOM)
            if op == "not":
                return f"not {inner}"
            return f"-({inner})" if inner.startswith("-") else f"-{inner}"  # `--x` would be a decrement
        case Binary(op, left, right):
            strength = PRECEDENCE[op]
            return f"{_operand(left, strength, op)} {op} {_operand(right, strength + 1, op)}"
        case Call(name, args):
            return f"{name}({', '.join(source(a) for a in args)})"
        case Increment(var, op):
            return f"{var.name}{op}"
        case _:
            assert_never(expr)


# ---------------------------------------------------------------------------------------------
# Walking


def children(expr: Expr) -> tuple[Expr, ...]:
    """The direct sub-expressions of `expr` (a CONST's value is not one: it is not read here)."""
    match expr:
        case Num() | Bool() | Var() | Const() | ListItem() | ListLit() | ReadCount() | DivertTarget():
            return ()
        case Str(parts):
            return tuple(p for p in parts if not isinstance(p, str))
        case Unary(_, operand):
            return (operand,)
        case Binary(_, left, right):
            return (left, right)
        case Call(_, args):
            return args
        case Increment(var):
            return (var,)
        case _:
            assert_never(expr)


def walk(expr: Expr) -> Iterator[Expr]:
    """Every node of the tree, parents before children, left to right."""
    stack = [expr]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(children(node)))


def variables_read(expr: Expr) -> tuple[str, ...]:
    """Names of the variables (global, temp, param, list) whose value the expression depends on,
    in order of first appearance. CONSTs and read counts are not variables."""
    return tuple(dict.fromkeys(n.name for n in walk(expr) if isinstance(n, Var) and n.kind != "unresolved"))


def variables_written(expr: Expr) -> tuple[str, ...]:
    """Names of the variables evaluating the expression changes: `x++`, and variables passed to a
    function's `ref` parameters (which the function may change)."""
    out: list[str] = []
    for node in walk(expr):
        if isinstance(node, Increment) and node.var.kind != "unresolved":
            out.append(node.var.name)
        elif isinstance(node, Call):
            out.extend(a.name for a, ref in zip(node.args, node.refs, strict=False)
                       if ref and isinstance(a, Var) and a.kind != "unresolved")
    return tuple(dict.fromkeys(out))


def any_of(exprs: list[Expr] | tuple[Expr, ...]) -> Expr:
    """`a or b or …` (left-associated, as ink parses it); `false` for none."""
    if not exprs:
        return Bool(False)
    out = exprs[0]
    for e in exprs[1:]:
        out = Binary("or", out, e)
    return out


def all_of(exprs: list[Expr] | tuple[Expr, ...]) -> Expr:
    """`a and b and …`; `true` for none."""
    if not exprs:
        return TRUE
    out = exprs[0]
    for e in exprs[1:]:
        out = Binary("and", out, e)
    return out


def negate(expr: Expr) -> Expr:
    return Unary("not", expr)


# ---------------------------------------------------------------------------------------------
# Evaluating (for tools that try values: stat ranges, stuck choice sets)


class Unknown(Exception):
    """The expression depends on something that cannot be decided from the values given."""


def _num(value: object) -> int | float:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return value
    raise Unknown(f"not a number: {value!r}")


def _arith(op: BinaryOp, left: object, right: object) -> object:
    if op == "+" and isinstance(left, str) and isinstance(right, str):
        return left + right
    a, b = _num(left), _num(right)
    match op:
        case "+":
            return a + b
        case "-":
            return a - b
        case "*":
            return a * b
        case "/" | "%":
            if b == 0:
                raise Unknown("division by zero")
            if isinstance(a, int) and isinstance(b, int):  # ink divides integers as integers, truncating
                quotient = abs(a) // abs(b) * (1 if (a >= 0) == (b >= 0) else -1)
                return quotient if op == "/" else a - b * quotient
            return a / b if op == "/" else a - b * int(a / b)
        case "<":
            return a < b
        case ">":
            return a > b
        case "<=":
            return a <= b
        case ">=":
            return a >= b
    raise Unknown(op)


def evaluate(expr: Expr, env: Mapping[str, object]) -> object:
    """The value of `expr` with variables taken from `env` (by name). Raises `Unknown` for anything
    that needs the running story: an unlisted variable, a read count, a call, a list operation."""
    match expr:
        case Num(value):
            return value
        case Bool(value):
            return value
        case Str(parts):
            if all(isinstance(p, str) for p in parts):
                return "".join(p for p in parts if isinstance(p, str))
            raise Unknown("interpolated string")
        case Var(name):
            if name in env:
                return env[name]
            raise Unknown(name)
        case Const(_, const):
            return evaluate(const, env)
        case Unary(op, operand):
            inner = evaluate(operand, env)
            if op == "not":
                return not inner
            return -_num(inner)
        case Binary("and", left, right):
            return bool(evaluate(left, env)) and bool(evaluate(right, env))
        case Binary("or", left, right):
            return bool(evaluate(left, env)) or bool(evaluate(right, env))
        case Binary("==" | "!=", left, right):
            a, b = evaluate(left, env), evaluate(right, env)
            if isinstance(a, str) != isinstance(b, str):
                raise Unknown("comparing a string with a number")
            return (a == b) == (expr.op == "==")
        case Binary("has" | "hasnt" | "^"):
            raise Unknown(expr.op)
        case Binary(op, left, right):
            return _arith(op, evaluate(left, env), evaluate(right, env))
        case ListItem() | ListLit() | ReadCount() | DivertTarget() | Call() | Increment():
            raise Unknown(source(expr))
        case _:
            assert_never(expr)


def fold(expr: Expr) -> object:
    """The constant value of `expr` (a VAR's initial value, say), or raise `Unknown`."""
    return evaluate(expr, {})


def numbers(expr: Expr) -> tuple[int | float, ...]:
    """The numeric literals in `expr` (CONST values included): where a comparison can flip."""
    out: list[int | float] = []
    stack: list[Expr] = [expr]
    while stack:
        node = stack.pop()
        if isinstance(node, Num):
            out.append(node.value)
        elif isinstance(node, Const):
            stack.append(node.value)
        elif isinstance(node, Unary) and node.op == "-" and isinstance(node.operand, Num):
            out.append(-node.operand.value)
            continue
        stack.extend(children(node))
    return tuple(out)
