"""Declarations: the first resolving pass. Woven story → `Declarations` + diagnostics.

Everything a name can refer to is collected before any name is looked up, so a divert may name a
knot further down and a read count a label in another stitch: variables, constants, lists and their
items, externals, knots and stitches, and the labels and temporaries of each flow's weave. Clashes
(E010) and reserved names (E011) are reported here; each place a reader can be gets its story-graph
node id.
"""

from __future__ import annotations

from dreamphases.compiler import ast as A
from dreamphases.compiler.builtins import BUILTINS, RESERVED
from dreamphases.compiler.diagnostics import Reporter, Span
from dreamphases.compiler.exhaustive import assert_never
from dreamphases.compiler.resolved import Declarations
from dreamphases.compiler.weave import Woven

__all__ = ["declare", "check_reserved"]


def check_reserved(rep: Reporter, name: str, span: Span, what: str) -> None:
    # inklecate refuses these too: the name would shadow a keyword or a built-in function
    if name in RESERVED:
        kind = "a built-in function" if name in BUILTINS else "reserved by ink"
        rep.report("E011", f"{what} name '{name}' is {kind}", span, "choose another name")


def declare(woven: Woven, rep: Reporter) -> Declarations:
    story = woven.story
    d = Declarations()
    seen: dict[str, Span] = {}

    def claim(name: str, span: Span, what: str) -> bool:
        check_reserved(rep, name, span, what)
        if name in seen:
            prev = seen[name]
            rep.report("E010", f"{what} '{name}' is already defined at {prev.file}:{prev.line}", span)
            return False
        seen[name] = span
        return True

    for decl in story.lists:
        if claim(decl.name, decl.span, "list"):
            d.lists[decl.name] = decl
        for item in decl.items:
            check_reserved(rep, item.name, decl.span, "list item")
            d.items.setdefault(item.name, []).append((decl, item))
    for var in story.variables:
        earlier = d.globals.get(var.name)
        if earlier is not None and earlier.const and var.const and _same_value(rep, earlier, var):
            continue  # inklecate lets a CONST be declared again with the same value
        if claim(var.name, var.span, "variable"):
            d.globals[var.name] = var
    for ext in story.externals:
        d.externals[ext.name] = ext
    for knot in story.root.children:
        for st in knot.children:
            d.parents[id(st)] = knot
        if knot.name in d.knots:
            prev = d.knots[knot.name].span
            rep.report("E010", f"knot '{knot.name}' is already defined at {prev.file}:{prev.line}", knot.span)
            continue
        if knot.name in d.globals or knot.name in d.lists:
            rep.report("E010", f"'{knot.name}' is both a variable and a knot", knot.span)
        check_reserved(rep, knot.name, knot.span, knot.kind)
        d.knots[knot.name] = knot
        names: set[str] = set()
        for st in knot.children:
            check_reserved(rep, st.name, st.span, "stitch")
            if st.name in names:
                rep.report("E010", f"stitch '{st.name}' is already defined in '{knot.name}'", st.span)
            names.add(st.name)
    for flow in woven.flows():
        for param in flow.params:
            check_reserved(rep, param.name, flow.span, "parameter")
            shadowed = d.globals.get(param.name)
            if shadowed is not None:  # inklecate's rule: a parameter may not take a global's name
                rep.report("E010", f"parameter '{param.name}' of '{flow.name}' has the name of the global "
                           f"variable declared at {shadowed.span.file}:{shadowed.span.line}", flow.span,
                           "give the parameter another name")
    for flow in woven.flows():
        table: dict[str, A.Choice | A.Gather] = {}
        temps: set[str] = set()
        _collect(woven.weave_of(flow).items, table, temps, flow, rep)
        d.labels[id(flow)] = table
        d.temps[id(flow)] = temps
    _number_nodes(woven, d)
    return d


def _same_value(rep: Reporter, a: A.VarDecl, b: A.VarDecl) -> bool:
    """Do two declarations give the same value as written (after their '=')?"""

    def written(var: A.VarDecl) -> str:
        lines = rep.lines.get(var.span.file, [])
        line = lines[var.span.line - 1] if 0 < var.span.line <= len(lines) else ""
        return line.partition("=")[2].split("//")[0].strip()

    return written(a) == written(b)


def _collect(items: list[A.Stmt], table: dict[str, A.Choice | A.Gather], temps: set[str], flow: A.Flow,
             rep: Reporter) -> None:
    """The labels (into `table`) and `~ temp` names (into `temps`) declared anywhere in a flow's weave."""
    for it in items:
        if isinstance(it, (A.ContentLine, A.Return, A.ExprStmt)):  # the commonest first
            pass
        elif isinstance(it, A.Assign):
            if it.temp:
                if it.name not in temps:
                    check_reserved(rep, it.name, it.span, "temporary variable")
                temps.add(it.name)
        elif isinstance(it, (A.Choice, A.Gather)):
            if it.label:
                check_reserved(rep, it.label, it.span, "label")
                if it.label in table:
                    rep.report("E010", f"label '{it.label}' is already used in this "
                               f"{'story' if flow.kind == 'root' else flow.kind}", it.span)
                else:
                    table[it.label] = it
            _collect(it.body, table, temps, flow, rep)
        elif isinstance(it, A.Weave):
            _collect(it.items, table, temps, flow, rep)
        elif isinstance(it, A.Conditional):
            for br in it.branches:
                _collect(br.body, table, temps, flow, rep)
        elif isinstance(it, A.Sequence):
            for el in it.elements:
                _collect(el, table, temps, flow, rep)
        else:
            assert_never(it)


def _number_nodes(woven: Woven, d: Declarations) -> None:
    """Node ids as a writer spells the path: `knot`, `knot.stitch`, `knot.label`; "" is the root."""
    root = woven.story.root
    d.node_ids[id(root)] = ""
    for knot in root.children:
        d.node_ids[id(knot)] = knot.name
        for st in knot.children:
            d.node_ids[id(st)] = f"{knot.name}.{st.name}"
    for flow in woven.flows():
        base = d.node_ids[id(flow)]
        for label, point in d.labels[id(flow)].items():
            d.node_ids[id(point)] = f"{base}.{label}" if base else label
