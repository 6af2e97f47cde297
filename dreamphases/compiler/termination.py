"""Termination: does a run of ink content always leave (divert, END, DONE, `->->`) or run out?

The loose-end pass asks this to find weave points that must be gathered and knots whose content
can run out (warning W001, and `runs_out` in the story graph); the graph builder asks it which
options fall through to a gather.
"""

from __future__ import annotations

from typing_extensions import assert_never

from dreamphases.compiler import ast as A
from dreamphases.compiler.diagnostics import Span

__all__ = ["ends", "has_return", "last_span", "terminates"]


def lineends(line: A.ContentLine) -> bool | None:
    """True/False when the line's last significant item decides it; None for an empty line."""
    for it in reversed(line.items):
        match it:
            case A.Newline() | A.Tag() | A.Glue():
                continue
            case A.Text(text):
                if not text.strip():
                    continue
                return False
            case A.Divert():
                return it.tunnel_return or (not it.tunnel and not it.thread)
            case A.Conditional():
                return blockends(it)
            case A.Print() | A.Sequence():
                return False
            case _:
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
        match st:
            case A.Choice() | A.Gather() | A.Weave():
                return True
            case A.ContentLine():
                verdict = lineends(st)
                if verdict is None:
                    continue
                return verdict
            case A.Conditional() | A.Sequence():
                return blockends(st)
            case A.Return():
                return True
            case A.Assign() | A.ExprStmt():
                return False
            case _:
                assert_never(st)
    return False


def has_return(items: list[A.Stmt]) -> bool:
    """inklecate does not ask a knot with a `~ return` to terminate (it is likely a function)."""
    for st in items:
        match st:
            case A.Return():
                return True
            case A.Choice() | A.Gather():
                if has_return(st.body):
                    return True
            case A.Weave():
                if has_return(st.items):
                    return True
            case A.ContentLine() | A.Assign() | A.ExprStmt() | A.Conditional() | A.Sequence():
                pass  # a return inside a block is not looked for (nor is it by inklecate)
            case _:
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
