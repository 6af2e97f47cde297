"""Resolving names inside expressions: variables, temporaries, constants, list items, read counts,
function calls and their arguments (`ref` parameters, argument counts).

A mixin of the resolver (`resolve._Resolver`), kept apart because it follows the expression grammar
rather than the story's structure.
"""

from __future__ import annotations

from dreamphases.compiler import ast as A
from dreamphases.compiler import expr_tree as T
from dreamphases.compiler.builtins import BUILTINS, TARGET_BUILTINS
from dreamphases.compiler.diagnostics import Span
from dreamphases.compiler.expr_build import build
from dreamphases.compiler.graph import Edge, StoryGraph, VarUse
from dreamphases.compiler.resolved import Ctx, Resolved
from dreamphases.compiler.scopes import Scopes, Target

__all__ = ["ExprResolver"]


class ExprResolver:
    # provided by the resolver
    out: Resolved
    graph: StoryGraph
    scopes: Scopes
    knots: dict[str, A.Flow]
    globals: dict[str, A.VarDecl]
    lists: dict[str, A.ListDecl]
    items: dict[str, list[tuple[A.ListDecl, A.ListItemDef]]]
    externals: dict[str, A.External]

    def error(self, code: str, message: str, span: Span, hint: str | None = None) -> None:
        raise NotImplementedError

    def suggest(self, name: str, pool: list[str]) -> str | None:
        raise NotImplementedError

    def resolve_target(self, node: object, path: str, span: Span, ctx: Ctx) -> Target | None:
        raise NotImplementedError

    def target_id(self, target: Target) -> str:
        raise NotImplementedError

    def check_args(self, flow: A.Flow, count: int, span: Span) -> None:
        raise NotImplementedError

    def inlines(self, items: list[A.Inline], ctx: Ctx, flow: A.Flow) -> None:
        raise NotImplementedError

    def tree(self, e: A.Expr, ctx: Ctx) -> T.Expr:
        """The resolved tree of an expression this resolver has already walked (for the graph)."""
        return build(e, _Meanings(self, ctx))

    def expr(self, e: object, ctx: Ctx, in_global: bool = False) -> list[str]:
        """Resolve names in an expression; returns the variables it reads."""
        reads: list[str] = []
        self._expr(e, ctx, reads, in_global)
        return reads

    def _expr(self, e: object, ctx: Ctx, reads: list[str], in_global: bool) -> None:
        if isinstance(e, A.Binary):
            self._expr(e.left, ctx, reads, in_global)
            self._expr(e.right, ctx, reads, in_global)
        elif isinstance(e, A.Unary):
            self._expr(e.operand, ctx, reads, in_global)
        elif isinstance(e, A.StringLit):
            self.inlines(e.parts, ctx, ctx.chain[-1])
        elif isinstance(e, A.Name):
            self.name(e, ctx, reads, in_global)
        elif isinstance(e, A.Postfix):
            self.name(e.target, ctx, reads, in_global)
            if e.target.name not in ctx.temps and e.target.name not in self.globals:
                return
            self.graph.uses.append(VarUse(e.target.name, ctx.node, e.span.file, e.span.line, "write", e.op))
        elif isinstance(e, A.DivertTarget):
            target = self.resolve_target(e, e.path, e.span, ctx)
            if target is not None and not isinstance(target, (str, tuple)):
                # a divert target may reach TURNS_SINCE through a variable or parameter
                self.out.turn_counted.add(id(target))
                self.out.visit_counted.add(id(target))
                self.graph.edges.append(Edge(ctx.node, self.target_id(target), "target", e.span.file,
                                             e.span.line, ctx.conditions, ctx.reads))
            if isinstance(target, A.Flow) and any(p.ref for p in target.params):
                self.error("E016", f"can't take a divert target to '{target.name}': it has ref parameters",
                           e.span)
        elif isinstance(e, A.ListLit):
            for item in e.items:
                if self.list_item(item) is None:
                    self.error("E013", f"list item '{item}' is not defined", e.span,
                               self.suggest(item, list(self.items)))
        elif isinstance(e, A.Call):
            self.call(e, ctx, reads, in_global)

    def list_item(self, name: str) -> tuple[A.ListDecl, A.ListItemDef] | None:
        if "." in name:
            lname, iname = name.split(".", 1)
            decl = self.lists.get(lname)
            if decl is None:
                return None
            item = next((i for i in decl.items if i.name == iname), None)
            return (decl, item) if item else None
        defs = self.items.get(name)
        return defs[0] if defs else None

    def name(self, e: A.Name, ctx: Ctx, reads: list[str], in_global: bool) -> None:
        name = e.name
        if name in ctx.temps and "." not in name:
            self.out.names[id(e)] = ("var", name)
            reads.append(name)
            return
        if name in self.globals:
            var = self.globals[name]
            if var.const:
                self.out.names[id(e)] = ("const", var.value)
            else:
                self.out.names[id(e)] = ("var", name)
            reads.append(name)
            if not in_global:
                self.graph.uses.append(VarUse(name, ctx.node, e.span.file, e.span.line, "read"))
            return
        if name in self.lists:
            self.out.names[id(e)] = ("var", name)
            reads.append(name)
            self.graph.uses.append(VarUse(name, ctx.node, e.span.file, e.span.line, "read"))
            return
        item = self.list_item(name)
        if item is not None:
            self.out.names[id(e)] = ("item", (item[0].name, item[1].name, item[1].value))
            return
        if in_global:
            self.error("E013", f"'{name}' is not a value that a global declaration can use", e.span)
            return
        target = self.scopes.lookup(name, ctx.chain)
        if target is not None and not isinstance(target, str):
            self.out.names[id(e)] = ("count", target)
            self.out.visit_counted.add(id(target))
            reads.append(name)  # a read count is part of what gates a choice or branch
            return
        pool = list(self.globals) + list(ctx.temps) + list(self.items) + self.scopes.target_names(ctx.chain)
        self.error("E013", f"unresolved name '{name}': no variable, list item, knot, stitch or label has it",
                   e.span, self.suggest(name, pool))

    def call(self, e: A.Call, ctx: Ctx, reads: list[str], in_global: bool) -> None:
        name = e.name
        if name in BUILTINS:
            lo, hi, _ = BUILTINS[name]
            if not lo <= len(e.args) <= hi:
                self.error("E015", f"{name} takes {lo} argument{'s' if lo != 1 else ''} but {len(e.args)} "
                           f"{'was' if len(e.args) == 1 else 'were'} given", e.span)
            self.out.calls[id(e)] = ("builtin", name)
            for arg in e.args:
                if name in TARGET_BUILTINS and isinstance(arg, A.DivertTarget):
                    target = self.resolve_target(arg, arg.path, arg.span, ctx)
                    if target is not None and not isinstance(target, (str, tuple)):
                        self.out.turn_counted.add(id(target))
                        self.out.visit_counted.add(id(target))
                    continue
                self._expr(arg, ctx, reads, in_global)
            return
        if name in ctx.temps or (name in self.globals and not self.globals[name].const):
            self.out.calls[id(e)] = ("varcall", name)
            reads.append(name)
            for arg in e.args:
                self._expr(arg, ctx, reads, in_global)
            return
        if name in self.lists:
            if len(e.args) > 1:
                self.error("E015", f"the list cast {name}(n) takes one argument", e.span)
            self.out.calls[id(e)] = ("listcast", name)
            for arg in e.args:
                self._expr(arg, ctx, reads, in_global)
            return
        flow = None if name in self.externals else self.knots.get(name)
        if flow is not None:
            if flow.kind != "function":
                self.error("E014", f"'{name}' is a knot, not a function", e.span,
                           f"declare it as '== function {name} ==' to call it, or divert with '-> {name}'")
            self.check_args(flow, len(e.args), e.span)
            self.out.calls[id(e)] = ("function", flow)
            for param, arg in zip(flow.params, e.args, strict=False):
                if param.ref:
                    if not isinstance(arg, A.Name):
                        self.error("E016", f"parameter '{param.name}' of '{name}' is 'ref': pass a variable",
                                   e.span)
                        continue
                    self.out.names[id(arg)] = ("ref", arg.name)
                    if arg.name not in ctx.temps and arg.name not in self.globals:
                        self.error("E013", f"variable '{arg.name}' is not declared", arg.span)
                    self.graph.uses.append(VarUse(arg.name, ctx.node, arg.span.file, arg.span.line, "write", "ref"))
                    continue
                self._expr(arg, ctx, reads, in_global)
            for arg in e.args[len(flow.params):]:
                self._expr(arg, ctx, reads, in_global)
            self.graph.edges.append(Edge(ctx.node, name, "call", e.span.file, e.span.line, ctx.conditions,
                                         ctx.reads, len(e.args)))
            return
        ext = self.externals.get(name)
        if ext is not None:
            if len(e.args) != len(ext.params):
                self.error("E015", f"external '{name}' takes {len(ext.params)} arguments but {len(e.args)} "
                           "were given", e.span)
            self.out.calls[id(e)] = ("external", ext)
            for arg in e.args:
                self._expr(arg, ctx, reads, in_global)
            return
        pool = [k for k, f in self.knots.items() if f.kind == "function"] + list(BUILTINS)
        self.error("E014", f"function '{name}' is not defined", e.span, self.suggest(name, pool))


class _Meanings:
    """The resolver's answers about one expression's names, for `expr_build.build`."""

    __slots__ = ("r", "ctx")

    def __init__(self, r: ExprResolver, ctx: Ctx) -> None:
        self.r = r
        self.ctx = ctx

    def _kind(self, name: str) -> T.VarKind:
        if name in self.ctx.temps:
            return "param" if any(p.name == name for f in self.ctx.chain for p in f.params) else "temp"
        if name in self.r.globals:
            return "global"
        return "list" if name in self.r.lists else "unresolved"

    def name(self, e: A.Name) -> T.Expr:
        meaning = self.r.out.names.get(id(e))
        if meaning is None:
            return T.Var(e.name, "unresolved")
        kind, payload = meaning
        if kind == "const" and isinstance(payload, (A.Number, A.Bool, A.StringLit, A.Name, A.DivertTarget,
                                                    A.ListLit, A.Unary, A.Binary, A.Call, A.Postfix)):
            return T.Const(e.name, build(payload, _Meanings(self.r, Ctx([self.ctx.chain[0]], set(), ""))))
        if kind == "item" and isinstance(payload, tuple):
            lst, item, value = payload
            return T.ListItem(e.name, lst, item, value)
        if kind == "count":
            return T.ReadCount(e.name, self.r.target_id(payload))
        return T.Var(e.name, self._kind(e.name))

    def call(self, e: A.Call) -> tuple[T.CallKind, tuple[bool, ...]]:
        meaning = self.r.out.calls.get(id(e))
        if meaning is None:
            return "unresolved", ()
        kind, payload = meaning
        if kind == "function" and isinstance(payload, A.Flow):
            return "function", tuple(p.ref for p in payload.params)
        return {"builtin": "builtin", "varcall": "variable", "listcast": "list",
                "external": "external"}.get(kind, "unresolved"), ()  # type: ignore[return-value]

    def target(self, e: A.DivertTarget) -> str:
        found = self.r.out.targets.get(id(e))
        return e.path if found is None else self.r.target_id(found)

    def item(self, name: str) -> T.ListItem:
        found = self.r.list_item(name)
        if found is None:
            return T.ListItem(name, "", name, 0)
        decl, item = found
        return T.ListItem(name, decl.name, item.name, item.value)
