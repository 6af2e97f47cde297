"""Name collisions inklecate refuses: one name for two kinds of thing. Woven story → diagnostics.

ink looks a bare name up in one order (knots, lists, list items, globals, the flow's own content,
arguments, temporaries), so inklecate rejects a name declared at one level that another level already
holds: a stitch named like a knot, a label like a global, an argument like a knot, a temp like an
argument, a global like a list item, two EXTERNALs of one function, two arguments of one flow. The
duplicates within one kind (two knots, two VARs, two labels in a weave) are `declare`'s, and a
parameter or temp named like a global is reported by `declare` and `names`.

A resolving pass beside `declare`: reads the woven story, reports E010, changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from dreamphases.compiler import ast as A
from dreamphases.compiler.diagnostics import Reporter, Span
from dreamphases.compiler.exhaustive import assert_never
from dreamphases.compiler.weave import Woven

__all__ = ["check_collisions"]


@dataclass(frozen=True, slots=True)
class _Holder:
    """Who already holds a name: what it is (for the message) and where."""

    what: str
    span: Span


def _statements(body: list[A.Stmt]) -> list[A.Stmt]:
    """Every statement in a body, nested ones included (branches, sequences, choice and gather bodies),
    in source order."""
    out: list[A.Stmt] = []
    _collect(body, out)
    return out


def _collect(body: list[A.Stmt], out: list[A.Stmt]) -> None:
    # an isinstance chain, not `match`: it runs on every statement of the story (and stays exhaustive)
    for st in body:
        out.append(st)
        if isinstance(st, (A.ContentLine, A.Assign, A.Return, A.ExprStmt)):
            pass
        elif isinstance(st, (A.Choice, A.Gather)):
            _collect(st.body, out)
        elif isinstance(st, A.Weave):
            _collect(st.items, out)
        elif isinstance(st, A.Conditional):
            for br in st.branches:
                _collect(br.body, out)
        elif isinstance(st, A.Sequence):
            for el in st.elements:
                _collect(el, out)
        else:
            assert_never(st)


class _Checker:
    def __init__(self, woven: Woven, rep: Reporter) -> None:
        self.woven = woven
        self.story = woven.story
        self.rep = rep
        self.knots: dict[str, _Holder] = {}
        self.lists: dict[str, _Holder] = {}
        self.items: dict[str, _Holder] = {}
        self.globals: dict[str, _Holder] = {}
        #: id(flow) → the labels of its own weave (`labels_of`), worked out once
        self.flow_labels: dict[int, dict[str, _Holder]] = {}

    def error(self, name: str, what: str, span: Span, holder: _Holder) -> None:
        self.rep.report("E010", f"{what} '{name}': the name is already used for {holder.what} at "
                                f"{holder.span.file}:{holder.span.line}", span,
                        "ink looks names up across kinds: give one of them another name")

    def first(self, name: str, *tables: dict[str, _Holder]) -> _Holder | None:
        for table in tables:
            if name in table:
                return table[name]
        return None

    def run(self) -> None:
        story = self.story
        for flow in story.root.children:
            self.knots.setdefault(flow.name, _Holder("a function" if flow.kind == "function" else "a knot", flow.span))
        for decl in story.lists:
            self.lists.setdefault(decl.name, _Holder("a list", decl.span))
            for item in decl.items:
                self.items.setdefault(item.name, _Holder(f"an item of list '{decl.name}'", decl.span))
        for var in story.variables:
            self.globals.setdefault(var.name, _Holder("a CONST" if var.const else "a VAR", var.span))
        self.declarations()
        for knot in story.root.children:
            self.flow(knot, knot)
            for stitch in knot.children:
                if knot.kind == "function":
                    self.rep.report("E020", f"functions may not contain stitches ('{stitch.name}' in '{knot.name}')",
                                    stitch.span, "make it a function of its own, or make the function a knot")
                if (holder := self.first(stitch.name, self.knots, self.lists, self.items, self.globals)):
                    self.error(stitch.name, "stitch", stitch.span, holder)
                self.flow(stitch, knot)
        self.flow(story.root, None)

    def declarations(self) -> None:
        story = self.story
        for decl in story.lists:
            if (holder := self.first(decl.name, self.knots, self.items)):
                self.error(decl.name, "list", decl.span, holder)
            for item in decl.items:
                if (holder := self.first(item.name, self.knots)) or (
                        item.name in self.lists and (holder := self.lists[item.name])):
                    self.error(item.name, "list item", decl.span, holder)
        for var in story.variables:
            if (holder := self.first(var.name, self.items)):
                self.error(var.name, "CONST" if var.const else "VAR", var.span, holder)
        externals: dict[str, Span] = {}
        for ext in story.externals:
            if ext.name in externals:
                self.error(ext.name, "EXTERNAL", ext.span, _Holder("another EXTERNAL", externals[ext.name]))
            externals.setdefault(ext.name, ext.span)

    def labels_of(self, flow: A.Flow) -> dict[str, _Holder]:
        """The labels anywhere in a flow's own weave (not its stitches'), the first of each name."""
        labels = self.flow_labels.get(id(flow))
        if labels is None:
            labels = self.flow_labels[id(flow)] = {}
            for st in _statements(self.woven.weave_of(flow).items):
                if isinstance(st, A.Choice | A.Gather) and st.label is not None:
                    labels.setdefault(st.label, _Holder("a label", st.span))
        return labels

    def flow(self, flow: A.Flow, knot: A.Flow | None) -> None:
        """Arguments, labels and temporaries of one flow (a stitch's statements, not its knot's)."""
        own: dict[str, _Holder] = {}
        if knot is not None:
            for sub in knot.children:
                own.setdefault(sub.name, _Holder("a stitch", sub.span))
        # inklecate's weave-point rule: a label may not take a name that a flow above its weave
        # holds at that flow's own level: a top-level label; in a stitch also its knot's labels,
        # its knot's stitches (its own included). A knot's label may share a stitch's name.
        above: list[dict[str, _Holder]] = []
        if flow.kind != "root":
            above.append(self.labels_of(self.story.root))
        if knot is not None and knot is not flow:
            above += [self.labels_of(knot), own]
        labels: dict[str, _Holder] = {}
        temps: list[A.Assign] = []
        for st in _statements(self.woven.weave_of(flow).items):
            if isinstance(st, (A.Choice, A.Gather)):
                label = st.label
                if label is not None:
                    if (holder := self.first(label, self.knots, self.lists, self.items, self.globals, *above)):
                        self.error(label, "label", st.span, holder)
                    labels.setdefault(label, _Holder("a label", st.span))
            elif isinstance(st, A.Assign) and st.temp:
                temps.append(st)
        args: dict[str, _Holder] = {}
        for p in flow.params:
            if p.name in args:
                self.error(p.name, "argument", flow.span, _Holder(f"another argument of '{flow.name}'", flow.span))
                continue
            args[p.name] = _Holder(f"an argument of '{flow.name}'", flow.span)
            if (holder := self.first(p.name, self.knots, self.lists, self.items, own, labels)):
                self.error(p.name, "argument", flow.span, holder)
        declared: dict[str, _Holder] = {}
        for t in temps:
            if t.name in declared:
                self.error(t.name, "temp", t.span, _Holder("another temp in this flow", declared[t.name].span))
                continue
            declared[t.name] = _Holder("a temp", t.span)
            if (holder := self.first(t.name, self.knots, self.lists, self.items, own, labels, args)):
                self.error(t.name, "temp", t.span, holder)


def check_collisions(woven: Woven, rep: Reporter) -> None:
    """Report every clash between names of different kinds that inklecate reports, as E010."""
    _Checker(woven, rep).run()
