"""Loadability: emitted JSON → E021 when it nests deeper than bink's JSON reader accepts.

bink reads compiled ink with serde_json, whose recursion limit refuses a document nested 128 deep
("Story not in JSON format"). Each level of choices, multiline conditionals or inline `{…}` costs
about three levels of JSON, so 42 levels of ink is where a story stops loading. The JSON is correct
ink (inkjs loads it), but a story our own player cannot open must not compile quietly: `compile`
and `check` report it, at the most deeply nested construct.
"""

from __future__ import annotations

from dreamphases.compiler import ast as A
from dreamphases.compiler.diagnostics import Reporter, Span
from dreamphases.compiler.exhaustive import assert_never

__all__ = ["BINK_MAX_JSON_DEPTH", "check_loadable"]

#: the deepest JSON nesting bink loads (measured: 127 loads, 128 is refused)
BINK_MAX_JSON_DEPTH = 127


def _deepest(stmts: list[A.Stmt], level: int, best: tuple[int, Span | None]) -> tuple[int, Span | None]:
    for st in stmts:
        match st:
            case A.Weave():
                best = _deepest(st.items, level + 1, best)
            case A.Choice() | A.Gather():
                if level + 1 > best[0]:
                    best = (level + 1, st.span)
                best = _deepest(st.body, level + 1, best)
            case A.Conditional():
                if level + 1 > best[0]:
                    best = (level + 1, st.span)
                for br in st.branches:
                    best = _deepest(br.body, level + 1, best)
            case A.Sequence():
                if level + 1 > best[0]:
                    best = (level + 1, st.span)
                for el in st.elements:
                    best = _deepest(el, level + 1, best)
            case A.ContentLine():
                for it in st.items:
                    if isinstance(it, A.Conditional | A.Sequence):
                        best = _deepest([it], level, best)
            case A.Assign() | A.Return() | A.ExprStmt():
                pass
            case _:
                assert_never(st)
    return best


def check_loadable(depth: int, flows: list[tuple[A.Flow, A.Weave]], rep: Reporter) -> bool:
    """Report E021 (and return False) when bink could not load JSON nested `depth` deep
    (`Emitted.json_depth`: worked out while the JSON was built, not by scanning its text)."""
    if depth <= BINK_MAX_JSON_DEPTH:
        return True
    best: tuple[int, Span | None] = (0, None)
    for flow, weave in flows:
        found = _deepest(weave.items, 0, (0, None))
        if found[0] > best[0]:
            best = found
        if best[1] is None:
            best = (0, flow.span)
    span = best[1] or Span("story.ink", 1, 1)
    rep.report("E021", f"the story nests too deeply for the bink runtime to load (JSON depth {depth}, at most "
                       f"{BINK_MAX_JSON_DEPTH})", span,
               "about 40 levels of nested choices or conditionals is the limit: move the inner part to a knot")
    return False
