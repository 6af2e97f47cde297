"""Parsed expressions (`ast`) → resolved expression trees (`expr_tree`), for the story graph.

The conversion is one function over the parsed grammar; what each name means comes from a
`Meanings` object, so the graph builder (which knows the resolver's answers) and `parse_condition`
(which reads a condition typed by a person, with no story around it) share it.
"""

from __future__ import annotations

from typing import Protocol

from dreamphases.compiler import ast as A
from dreamphases.compiler import expr_tree as T
from dreamphases.compiler.diagnostics import Span
from dreamphases.compiler.exhaustive import assert_never

__all__ = ["Meanings", "build", "parse_condition"]

_BINARY: dict[str, T.BinaryOp] = {
    "&&": "and", "||": "or", "?": "has", "!?": "hasnt", "^": "^",
    "==": "==", "!=": "!=", "<": "<", ">": ">", "<=": "<=", ">=": ">=",
    "+": "+", "-": "-", "*": "*", "/": "/", "%": "%",
}


class Meanings(Protocol):
    """What the resolver decided about the names in an expression."""

    def name(self, e: A.Name) -> T.Expr: ...

    def call(self, e: A.Call) -> tuple[T.CallKind, tuple[bool, ...]]: ...

    def target(self, e: A.DivertTarget) -> str: ...

    def item(self, name: str) -> T.ListItem: ...


def build(e: A.Expr, meanings: Meanings) -> T.Expr:
    match e:
        case A.Number(value):
            return T.Num(value)
        case A.Bool(value):
            return T.Bool(value)
        case A.StringLit(parts):
            out: list[str | T.Expr] = []
            for part in parts:
                if isinstance(part, A.Text):
                    out.append(part.text)
                elif isinstance(part, A.Print):
                    out.append(build(part.expr, meanings))
            return T.Str(tuple(out))
        case A.Name():
            return meanings.name(e)
        case A.DivertTarget(path):
            return T.DivertTarget(path, meanings.target(e))
        case A.ListLit(items):
            return T.ListLit(tuple(meanings.item(i) for i in items))
        case A.Unary(op, operand):
            return T.Unary("not" if op == "!" else "-", build(operand, meanings))
        case A.Binary(op, left, right):
            return T.Binary(_BINARY[op], build(left, meanings), build(right, meanings))
        case A.Call(name, args):
            kind, refs = meanings.call(e)
            return T.Call(name, tuple(build(a, meanings) for a in args), kind, refs)
        case A.Postfix(op, target):
            var = meanings.name(target)
            if not isinstance(var, T.Var):
                var = T.Var(target.name, "unresolved")
            return T.Increment(var, "++" if op == "++" else "--")
        case _:
            assert_never(e)


class _Globals:
    """Every bare name is a global variable: a condition read outside any story."""

    def name(self, e: A.Name) -> T.Expr:
        return T.Var(e.name, "global")

    def call(self, e: A.Call) -> tuple[T.CallKind, tuple[bool, ...]]:
        from dreamphases.compiler.builtins import BUILTINS

        return ("builtin" if e.name in BUILTINS else "unresolved"), ()

    def target(self, e: A.DivertTarget) -> str:
        return e.path

    def item(self, name: str) -> T.ListItem:
        lst, _, item = name.rpartition(".")
        return T.ListItem(name, lst, item, 0)


def parse_condition(text: str) -> T.Expr:
    """A condition written as ink (`calm > 3 and not met`), every name taken as a global variable.

    Raises `ValueError` with the parser's message if `text` is not an ink expression.
    """
    from dreamphases.compiler.expressions import ExprError, parse_expression

    try:
        parsed = parse_expression(text, Span("<condition>", 1, 1), lambda s, _col: [A.Text(s)])
    except ExprError as exc:
        raise ValueError(str(exc)) from exc
    return build(parsed, _Globals())
