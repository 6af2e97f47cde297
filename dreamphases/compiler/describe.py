"""What the story graph records about content: constants folded, words counted. Kept out of the
resolver so the graph's wording has one home."""

from __future__ import annotations

from dreamphases.compiler import ast as A

__all__ = ["fold", "count_words"]


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
