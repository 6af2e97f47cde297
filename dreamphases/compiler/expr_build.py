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
    # An isinstance chain, commonest first, not `match`: this runs on every condition and value in the
    # story, and class patterns with captures cost several times as much in CPython 3.11. It is still
    # exhaustive: `assert_never` fails type checking if a construct is missing.
    if isinstance(e, A.Name):
        return meanings.name(e)
    if isinstance(e, A.Number):
        return T.Num(e.value)
    if isinstance(e, A.Binary):
        return T.Binary(_BINARY[e.op], build(e.left, meanings), build(e.right, meanings))
    if isinstance(e, A.Call):
        kind, refs = meanings.call(e)
        return T.Call(e.name, tuple([build(a, meanings) for a in e.args]), kind, refs)
    if isinstance(e, A.Unary):
        return T.Unary("not" if e.op == "!" else "-", build(e.operand, meanings))
    if isinstance(e, A.Bool):
        return T.Bool(e.value)
    if isinstance(e, A.StringLit):
        out: list[str | T.Expr] = []
        for part in e.parts:
            if isinstance(part, A.Text):
                out.append(part.text)
            elif isinstance(part, A.Print):
                out.append(build(part.expr, meanings))
        return T.Str(tuple(out))
    if isinstance(e, A.DivertTarget):
        return T.DivertTarget(e.path, meanings.target(e))
    if isinstance(e, A.ListLit):
        return T.ListLit(tuple([meanings.item(i) for i in e.items]))
    if isinstance(e, A.Postfix):
        var = meanings.name(e.target)
        if not isinstance(var, T.Var):
            var = T.Var(e.target.name, "unresolved")
        return T.Increment(var, "++" if e.op == "++" else "--")
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
