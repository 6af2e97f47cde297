"""What the story graph records about content: expressions rendered back to source text, constants
folded, words counted. Kept out of the resolver so the graph's wording has one home."""

from __future__ import annotations

from dreamphases.compiler import ast as A

__all__ = ["source_text", "fold", "count_words"]

#: operators shown as the words writers use
_WORDS = {"&&": "and", "||": "or"}


def source_text(expr: object) -> str:
    """A compact rendering of an expression for the graph (conditions on edges)."""
    if isinstance(expr, A.Number):
        return repr(expr.value)
    if isinstance(expr, A.Bool):
        return "true" if expr.value else "false"
    if isinstance(expr, A.Name):
        return expr.name
    if isinstance(expr, A.DivertTarget):
        return f"-> {expr.path}"
    if isinstance(expr, A.StringLit):
        return '"' + "".join(p.text for p in expr.parts if isinstance(p, A.Text)) + '"'
    if isinstance(expr, A.ListLit):
        return "(" + ", ".join(expr.items) + ")"
    if isinstance(expr, A.Unary):
        return ("not " if expr.op == "!" else "-") + source_text(expr.operand)
    if isinstance(expr, A.Binary):
        op = _WORDS.get(expr.op, expr.op)
        return f"{source_text(expr.left)} {op} {source_text(expr.right)}"
    if isinstance(expr, A.Call):
        return f"{expr.name}({', '.join(source_text(a) for a in expr.args)})"
    if isinstance(expr, A.Postfix):
        return f"{expr.target.name}{expr.op}"
    return "?"


def fold(expr: object) -> float | int | bool | None:
    if isinstance(expr, A.Number):
        return expr.value
    if isinstance(expr, A.Bool):
        return expr.value
    if isinstance(expr, A.Unary) and expr.op == "-":
        v = fold(expr.operand)
        return -v if isinstance(v, (int, float)) and not isinstance(v, bool) else None
    return None


def count_words(items: list[A.Inline]) -> int:
    n = 0
    for it in items:
        if isinstance(it, A.Text):
            n += len(it.text.split())
    return n
