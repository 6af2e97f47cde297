"""Loose ends: the third resolving pass. Woven story → `LooseEnds` + W001 warnings.

Works out, as inklecate's weave does in its parsed layer, where the content of each choice and
gather goes when it does not divert away: into the next gather at its level, or further out. What
reaches the end of a knot or stitch runs out of content there (W001). In the story's top level, the
end is an implicit gather holding `-> DONE` (`LooseEnds.final`), which the emitter writes out.

The emitter links each loose point to its gather from `gathers_into`; it does not work this out
again. Weaves inside conditional and sequence branches are "sealed": their loose choices need an
explicit divert (E026, as in inklecate), while their loose gathers flow on to the enclosing weave.
"""

from __future__ import annotations

from dreamphases.compiler import ast as A
from dreamphases.compiler.diagnostics import Reporter
from dreamphases.compiler.exhaustive import assert_never
from dreamphases.compiler.resolved import LooseEnds
from dreamphases.compiler.termination import ends, has_return, last_span, terminates
from dreamphases.compiler.weave import Woven

__all__ = ["find_loose_ends", "final_gather"]

_Point = A.Choice | A.Gather


def final_gather(root: A.Flow) -> A.Gather:
    """The gather the story's top level ends in: whatever runs out there reaches `-> DONE`."""
    return A.Gather(1, None, root.span, [A.ContentLine([A.Divert("DONE", [], root.span)], root.span)])


def find_loose_ends(woven: Woven, rep: Reporter, unparsed: set[int] | None = None) -> LooseEnds:
    """`unparsed`: ids of flows where the parser reported an error: what seems to run out there may
    only be cut short, so they get no W001 (their loose ends are still worked out)."""
    finder = _Finder(rep, unparsed or set())
    root = woven.story.root
    finder.out.final = final_gather(root)
    for flow in woven.flows():
        items = woven.weave_of(flow).items
        if flow is root:
            finder.flow(flow, items + [finder.out.final])
        elif items:  # a knot with no content of its own starts its first stitch (or is empty)
            finder.flow(flow, items)
    return finder.out


class _Finder:
    def __init__(self, rep: Reporter, unparsed: set[int]) -> None:
        self.rep = rep
        self.unparsed = unparsed
        self.out = LooseEnds()
        #: the loose points of each weave being walked, innermost last
        self.stack: list[list[_Point]] = []

    def flow(self, flow: A.Flow, items: list[A.Stmt]) -> None:
        self.stack.append([])
        self.weave(items, sealed=False)
        leftover = self.stack.pop()
        if flow.kind not in ("knot", "stitch"):
            return
        where = f"'{flow.name}'" if flow.name else "the story"
        quiet = id(flow) in self.unparsed
        for point in [] if quiet else leftover:
            self.rep.report("W001", f"loose end: the flow in {where} runs out of content here", point.span,
                            "add a divert, a gather, '-> DONE' or '-> END'")
        if leftover:
            self.out.leftovers[id(flow)] = leftover
        elif not ends(items) and not has_return(items):
            last = last_span(items) or flow.span
            self.out.runs_out[id(flow)] = last
            if quiet:
                return
            self.rep.report("W001", f"loose end: {flow.kind} '{flow.name}' runs out of content here", last,
                            "end it with a divert, '-> DONE' or '-> END' (or '->->' if it is a tunnel)")

    def weave(self, items: list[A.Stmt], sealed: bool) -> None:
        own: list[_Point] = []
        self.stack.append(own)
        prev: _Point | None = None
        for item in items:
            if isinstance(item, A.Choice):
                if isinstance(prev, A.Gather):
                    own[:] = [p for p in own if p is not prev]
                nested = self.body(item.body, sealed=False)
                if not nested and not terminates(item.inner, item.body):
                    own.append(item)
                prev = item
            elif isinstance(item, A.Gather):
                for point in own:
                    if isinstance(point, A.Gather) and point.depth == item.depth:
                        continue  # a gather right after a gather runs straight into it
                    self.out.gathers_into[id(point)] = item
                own.clear()
                nested = self.body(item.body, sealed=False)
                if not nested and not terminates([], item.body):
                    own.append(item)
                prev = item
            else:
                self.body([item], sealed=False)
        self.stack.pop()
        if sealed:
            # inklecate rejects these: the block cannot gather them, so the story would run out there
            for point in own:
                if isinstance(point, A.Choice):
                    self.rep.report("E026", "a choice inside a conditional or sequence must divert "
                                    "somewhere when it is done", point.span,
                                    "end its content with '-> knot' (or '-> DONE'); for a choice shown only "
                                    "under a condition, write '* {condition} text'")
        if self.stack:
            # sealed weaves (in a conditional's or a sequence's branch) keep their loose choices
            self.stack[-1].extend(p for p in own if not (sealed and isinstance(p, A.Choice)))

    def body(self, stmts: list[A.Stmt], sealed: bool) -> bool:
        """Walk a body; True when it holds a nested weave (whose loose ends are its own)."""
        nested = False
        for st in stmts:
            if isinstance(st, A.Weave):
                self.weave(st.items, sealed)
                nested = True
            else:
                self.stmt(st)
        return nested

    def stmt(self, st: A.Stmt) -> None:
        if isinstance(st, (A.ContentLine, A.Assign, A.Return, A.ExprStmt)):
            pass  # inline blocks hold lines of content, never weaves
        elif isinstance(st, A.Conditional):
            for br in st.branches:
                self.body(br.body, sealed=True)
        elif isinstance(st, A.Sequence):
            for el in st.elements:
                self.body(el, sealed=True)
        elif isinstance(st, A.Weave):
            self.weave(st.items, sealed=True)
        elif isinstance(st, (A.Choice, A.Gather)):  # only inside sealed bodies
            self.weave([st], sealed=True)
        else:
            assert_never(st)
