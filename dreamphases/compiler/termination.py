"""Termination: does a run of ink content always leave (divert, END, DONE, `->->`) or run out?

The loose-end pass asks this to find weave points that must be gathered and knots whose content
can run out (warning W001, and `runs_out` in the story graph); the graph builder asks it which
options fall through to a gather.
"""

from __future__ import annotations

from dreamphases.compiler import ast as A
from dreamphases.compiler.diagnostics import Span
from dreamphases.compiler.exhaustive import assert_never

__all__ = ["ends", "has_return", "last_span", "terminates"]


def lineends(line: A.ContentLine) -> bool | None:
    """True/False when the line's last significant item decides it; None for an empty line."""
    for it in reversed(line.items):
        if isinstance(it, (A.Newline, A.Tag, A.Glue)):
            continue
        elif isinstance(it, A.Text):
            if not it.text.strip():
                continue
            return False
        elif isinstance(it, A.Divert):
            return it.tunnel_return or (not it.tunnel and not it.thread)
        elif isinstance(it, A.Conditional):
            return blockends(it)
        elif isinstance(it, (A.Print, A.Sequence)):
            return False
        else:
            assert_never(it)
    return None


def blockends(block: A.Conditional | A.Sequence) -> bool:
    if isinstance(block, A.Conditional):
        return any(b.is_else for b in block.branches) and all(ends(b.body) for b in block.branches)
    return bool(block.elements) and all(ends(el) for el in block.elements)


def ends(items: list[A.Stmt]) -> bool:
    """Does this run of statements always leave (divert, END, DONE, ->->) rather than run out?

    Weave points are left to the loose-end analysis, which knows where each one flows.
    """
    for st in reversed(items):
        if isinstance(st, (A.Choice, A.Gather, A.Weave)):
            return True
        elif isinstance(st, A.ContentLine):
            verdict = lineends(st)
            if verdict is None:
                continue
            return verdict
        elif isinstance(st, (A.Conditional, A.Sequence)):
            return blockends(st)
        elif isinstance(st, A.Return):
            return True
        elif isinstance(st, (A.Assign, A.ExprStmt)):
            return False
        else:
            assert_never(st)
    return False


def has_return(items: list[A.Stmt]) -> bool:
    """inklecate does not ask a knot with a `~ return` to terminate (it is likely a function)."""
    for st in items:
        if isinstance(st, A.Return):
            return True
        elif isinstance(st, (A.Choice, A.Gather)):
            if has_return(st.body):
                return True
        elif isinstance(st, A.Weave):
            if has_return(st.items):
                return True
        elif isinstance(st, (A.ContentLine, A.Assign, A.ExprStmt, A.Conditional, A.Sequence)):
            pass  # a return inside a block is not looked for (nor is it by inklecate)
        else:
            assert_never(st)
    return False


def last_span(items: list[A.Stmt]) -> Span | None:
    """Where a run of statements ends (for a warning about what comes after): its last statement
    that is not a bare line break."""
    for st in reversed(items):
        match st:
            case A.Weave():
                continue  # (never the last item of a flow's weave: it is nested in a point's body)
            case A.ContentLine() if all(isinstance(i, A.Newline) for i in st.items):
                continue
            case _:
                return st.span
    return None


def terminates(inner: list[A.Inline], body: list[A.Stmt]) -> bool:
    """True when a weave point's own content diverts away (so it is not a loose end)."""
    for it in inner:
        if isinstance(it, A.Divert) and not it.tunnel and not it.thread:
            return True
    for st in body:
        if isinstance(st, A.ContentLine):
            for it in st.items:
                if isinstance(it, A.Divert) and not it.tunnel and not it.thread:
                    return True
    return False
