"""Evaluating the condition text the story graph records (`lucidity > 50 and not met`) for given values.

The graph keeps conditions as source text, so the rules that reason about stat ranges need a small
evaluator. ink's expression operators are close to Python's; the text is rewritten token by token
and parsed with Python's `ast` (never `eval`), and anything outside plain arithmetic, comparison
and logic (function calls, list operators, read counts of dotted paths) is reported as unknown
rather than guessed.
"""

from __future__ import annotations

import ast
import operator
import re
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["Unknown", "compile_condition", "fold", "numbers_in"]


#: longer conditions are not judged (they are not hand-written stat checks, and parsing is not free)
_MAX_LENGTH = 2000


class Unknown(Exception):
    """The expression uses something this evaluator cannot decide."""


_TOKEN = re.compile(r"&&|\|\||!=|==|<=|>=|!|\"[^\"]*\"|[A-Za-z_][\w.]*|\d+\.\d+|\d+|\S")
_WORDS = {"and": " and ", "or": " or ", "not": " not ", "true": " True ", "false": " False ",
          "mod": " % ", "&&": " and ", "||": " or ", "!": " not "}
_UNSUPPORTED = {"?", "^", "has", "hasnt", "!?", "->"}

_BINARY: dict[type, Callable[[Any, Any], Any]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.Div: operator.truediv, ast.Mod: operator.mod,
}
_COMPARE: dict[type, Callable[[Any, Any], Any]] = {
    ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt,
    ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge,
}


def _to_python(text: str) -> str:
    out: list[str] = []
    for token in _TOKEN.findall(text):
        if token in _UNSUPPORTED:
            raise Unknown(token)
        out.append(_WORDS.get(token, token))
    return " ".join(out)


def _eval(node: ast.AST, env: Mapping[str, object]) -> object:
    if isinstance(node, ast.Expression):
        return _eval(node.body, env)
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float | str | bool):
        return node.value
    if isinstance(node, ast.Name):
        if node.id in env:
            return env[node.id]
        raise Unknown(node.id)
    if isinstance(node, ast.BoolOp):
        values = [_eval(v, env) for v in node.values]
        if isinstance(node.op, ast.And):
            return all(bool(v) for v in values)
        return any(bool(v) for v in values)
    if isinstance(node, ast.UnaryOp):
        value = _eval(node.operand, env)
        if isinstance(node.op, ast.Not):
            return not value
        if isinstance(node.op, ast.USub) and isinstance(value, int | float):
            return -value
        if isinstance(node.op, ast.UAdd) and isinstance(value, int | float):
            return value
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        left, right = _eval(node.left, env), _eval(node.right, env)
        if isinstance(node.op, ast.Div | ast.Mod) and right == 0:
            raise Unknown("division by zero")
        if isinstance(node.op, ast.Div) and isinstance(left, int) and isinstance(right, int):
            return int(left / right)  # ink divides integers as integers, truncating
        try:
            return _BINARY[type(node.op)](left, right)
        except TypeError as exc:
            raise Unknown(str(exc)) from exc
    if isinstance(node, ast.Compare):
        left = _eval(node.left, env)
        for op, right_node in zip(node.ops, node.comparators, strict=True):
            right = _eval(right_node, env)
            if type(op) not in _COMPARE:
                raise Unknown(type(op).__name__)
            try:
                if not _COMPARE[type(op)](left, right):
                    return False
            except TypeError as exc:
                raise Unknown(str(exc)) from exc
            left = right
        return True
    raise Unknown(type(node).__name__)


def compile_condition(text: str) -> Callable[[Mapping[str, object]], object]:
    """A function evaluating `text` for a mapping of variable values. Raises `Unknown` if it cannot."""
    if len(text) > _MAX_LENGTH:
        raise Unknown("expression too long to judge")
    try:
        tree = ast.parse(_to_python(text).strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        raise Unknown(text) from exc

    def evaluate(env: Mapping[str, object]) -> object:
        try:
            return _eval(tree, env)
        except RecursionError as exc:
            raise Unknown("expression nested too deeply") from exc

    return evaluate


def fold(text: str, env: Mapping[str, object] | None = None) -> object:
    """The constant value of `text` (e.g. a VAR's initialiser), or raise `Unknown`."""
    return compile_condition(text)(env or {})


def numbers_in(text: str) -> list[float]:
    """The numeric literals of an expression: where a comparison against a variable can flip."""
    return [float(t) for t in _TOKEN.findall(text) if re.fullmatch(r"\d+(?:\.\d+)?", t)]
