"""Name resolution: the second resolving pass. Woven story + `Declarations` → `Names` + diagnostics.

Every divert target, variable, read count, list item, call and assignment is looked up here, once,
with inklecate's scoping rules; the answers go into `Names` as tagged values for the emitter and the
graph builder. Placement rules that depend on where a statement is (no choices or diverts in a
function, `~ return` only in one) are checked on the way.
"""

from __future__ import annotations

from dataclasses import dataclass

from dreamphases.compiler import ast as A
from dreamphases.compiler.builtins import BUILTINS, TARGET_BUILTINS
from dreamphases.compiler.diagnostics import Reporter, Span, did_you_mean
from dreamphases.compiler.exhaustive import assert_never
from dreamphases.compiler.resolved import (
    BuiltinCall,
    ConstValue,
    CountRead,
    Declarations,
    End,
    ExternalCall,
    FunctionCall,
    ItemValue,
    ListCast,
    Names,
    RefArg,
    Target,
    VariableCall,
    VarRead,
    VarTarget,
)
from dreamphases.compiler.scopes import Scopes
from dreamphases.compiler.weave import Woven

__all__ = ["resolve_names"]


@dataclass(slots=True)
class _Ctx:
    """Where the walk is: the flows it is inside (root, knot, stitch) and their temporaries."""

    chain: list[A.Flow]
    temps: set[str]

    @property
    def flow(self) -> A.Flow:
        return self.chain[-1]


def resolve_names(woven: Woven, decls: Declarations, rep: Reporter) -> Names:
    r = _NameResolver(woven, decls, rep)
    r.run()
    return r.out


class _NameResolver:
    def __init__(self, woven: Woven, decls: Declarations, rep: Reporter) -> None:
        self.woven = woven
        self.d = decls
        self.rep = rep
        self.out = Names()
        self.scopes = Scopes(decls.knots, decls.labels)
        #: how many `{…}` blocks the walk is inside (see the '~ return' check)
        self.blocks = 0

    def _scope_chain(self, scope: tuple[str, ...]) -> list[A.Flow]:
        """The flows a declaration stands in: inklecate resolves `VAR x = -> name` from there."""
        chain = [self.woven.story.root]
        knot = self.d.knots.get(scope[0]) if scope else None
        if knot is not None:
            chain.append(knot)
            chain.extend(st for st in knot.children if len(scope) > 1 and st.name == scope[1])
        return chain

    def run(self) -> None:
        root = self.woven.story.root
        for var in self.woven.story.variables:
            self.expr(var.value, _Ctx(self._scope_chain(var.scope), set()), in_global=True)
        for flow in self.woven.flows():
            chain = self.d.chain(flow, root)
            temps = {p.name for f in chain[1:] for p in f.params} | self.d.temps[id(flow)]
            self.out.temps[id(flow)] = temps
            self.stmts(self.woven.weave_of(flow).items, _Ctx(chain, temps))

    # -- statements ----------------------------------------------------------------------------------
    def stmts(self, items: list[A.Stmt], ctx: _Ctx) -> None:
        for it in items:
            self.stmt(it, ctx)

    def stmt(self, it: A.Stmt, ctx: _Ctx) -> None:
        if isinstance(it, A.ContentLine):
            self.inlines(it.items, ctx)
        elif isinstance(it, A.Assign):
            self.assign(it, ctx)
        elif isinstance(it, A.Return):
            # at the top level inklecate refuses only a '~ return' standing directly there, and not
            # one whose value calls a function (that line is content to it); it fails when it runs
            top_ok = ctx.flow.kind == "root" and (self.blocks or (it.value is not None and A.has_call(it.value)))
            if ctx.flow.kind != "function" and not top_ok:
                self.rep.report("E022", "'~ return' can only be used in a function", it.span,
                                "declare the knot as '== function name ==' or use '->->' to leave a tunnel")
            if it.value is not None:
                self.expr(it.value, ctx)
        elif isinstance(it, A.ExprStmt):
            self.expr(it.expr, ctx)
        elif isinstance(it, A.Choice):
            if ctx.flow.kind == "function":
                self.rep.report("E020", "functions may not contain choices", it.span)
            for cond in it.conditions:
                self.expr(cond, ctx)
            self.inlines(it.start, ctx)
            self.inlines(it.choice_only, ctx)
            self.inlines(it.inner, ctx)
            self.stmts(it.body, ctx)
        elif isinstance(it, A.Gather):
            self.stmts(it.body, ctx)
        elif isinstance(it, A.Weave):
            self.stmts(it.items, ctx)
        elif isinstance(it, A.Conditional):
            self.blocks += 1
            self.conditional(it, ctx)
            self.blocks -= 1
        elif isinstance(it, A.Sequence):
            self.blocks += 1
            for el in it.elements:
                self.stmts(el, ctx)
            self.blocks -= 1
        else:
            assert_never(it)

    def conditional(self, c: A.Conditional, ctx: _Ctx) -> None:
        # every condition is evaluated before any branch's content (the order problems are reported in)
        if c.subject is not None:
            self.expr(c.subject, ctx)
        for br in c.branches:
            if br.condition is not None:
                self.expr(br.condition, ctx)
        for br in c.branches:
            self.stmts(br.body, ctx)

    def inlines(self, items: list[A.Inline], ctx: _Ctx) -> None:
        for it in items:
            if isinstance(it, (A.Text, A.Glue, A.Newline)):
                pass
            elif isinstance(it, A.Print):
                self.expr(it.expr, ctx)
            elif isinstance(it, A.Tag):
                self.inlines(it.parts, ctx)
            elif isinstance(it, A.Divert):
                self.divert(it, ctx)
            elif isinstance(it, A.Conditional):
                self.conditional(it, ctx)
            elif isinstance(it, A.Sequence):
                for el in it.elements:
                    self.stmts(el, ctx)
            else:
                assert_never(it)

    def divert(self, d: A.Divert, ctx: _Ctx) -> None:
        for arg in d.args:
            self.expr(arg, ctx)
        if d.target is None:
            return
        if ctx.flow.kind == "function" and not d.tunnel_return:
            self.rep.report("E020", "functions may not contain diverts", d.span,
                            "a function must return to its caller; use a knot or a tunnel instead")
        target = self.target(d, d.target, d.span, ctx)
        if isinstance(target, A.Flow) and target.kind == "function" and not d.thread:
            self.rep.report("E020", f"'{target.name}' is a function: call it, do not divert to it", d.span,
                            f"write '~ {target.name}()' or '{{{target.name}()}}'")
        elif isinstance(target, A.Flow):
            self.check_args(target, len(d.args), d.span)
            self.check_arg_kinds(target, d.args, ctx)
        elif d.args and isinstance(target, A.Choice | A.Gather):
            self.rep.report("E015", "only a knot or stitch takes arguments; this divert goes to a label", d.span)
        elif isinstance(target, VarTarget):
            param = next((p for f in reversed(ctx.chain) for p in f.params if p.name == d.target), None)
            if param is not None and not param.divert:
                owner = next(f for f in reversed(ctx.chain) if param in f.params)
                self.rep.report("E025", f"parameter '{param.name}' is diverted to, so it must be declared "
                                f"'-> {param.name}'", d.span,
                                f"write '== {owner.name}(-> {param.name})' (as inklecate requires)")

    def target(self, node: A.Divert | A.DivertTarget, path: str, span: Span, ctx: _Ctx) -> Target | None:
        found: Target | None
        if path == "END":
            found = End("END")
        elif path == "DONE":
            found = End("DONE")
        elif "." not in path and (path in ctx.temps or path in self.d.globals
                                  or any(p.name == path for f in ctx.chain for p in f.params)):
            found = VarTarget(path)
        else:
            found = self.scopes.lookup(path, ctx.chain)
        if found is None:
            self.rep.report("E012", f"divert target '{path}' not found", span,
                            did_you_mean(path, self.scopes.target_names(ctx.chain)))
            return None
        if isinstance(found, VarTarget):
            self.declared_before(path, span, ctx)
        if isinstance(node, A.DivertTarget) and isinstance(found, VarTarget):
            self.rep.report("E024", f"'{path}' is a variable: it already holds a divert target, so no '->' here",
                            span, f"write '{path}' instead of '-> {path}'")
        self.out.targets[id(node)] = found
        return found

    def declared_before(self, name: str, span: Span, ctx: _Ctx) -> None:
        """A divert to (or call of) a global variable needs its declaration earlier in the order
        inklecate generates the story in (`Order`): it looks the variable up right there."""
        decl = self.d.globals.get(name)
        if decl is None or name in ctx.temps or any(p.name == name for f in ctx.chain for p in f.params):
            return
        order = self.woven.story.order
        if order.of(span) < order.of(decl.span):
            self.rep.report("E012", f"divert target '{name}' not found: the variable '{name}' is declared only "
                            f"further down (at {decl.span.file}:{decl.span.line})", span,
                            f"inklecate knows a variable from its declaration on: move 'VAR {name} = …' up, "
                            "above the story's first line")

    def check_arg_kinds(self, flow: A.Flow, args: list[A.Expr], ctx: _Ctx) -> None:
        """inklecate checks each argument of a divert against its parameter: `ref` wants a variable,
        `-> p` wants a divert target (a knot's bare name would pass its read count instead)."""
        for param, arg in zip(flow.params, args, strict=False):  # a count mismatch is check_args's
            span = arg.span
            if param.ref and not isinstance(arg, A.Name):
                self.rep.report("E016", f"parameter '{param.name}' of '{flow.name}' is 'ref': pass a variable",
                                span)
            elif param.divert and not isinstance(arg, A.DivertTarget | A.Name):
                self.rep.report("E016", f"parameter '-> {param.name}' of '{flow.name}' takes a divert target",
                                span, "pass '-> knot'")
            elif param.divert and isinstance(arg, A.Name) and arg.name not in ctx.temps \
                    and arg.name not in self.d.globals and self.scopes.lookup(arg.name, ctx.chain) is not None:
                self.rep.report("E016", f"'{arg.name}' passes a read count to '-> {param.name}'", span,
                                f"pass the divert target: '-> {arg.name}'")

    def check_args(self, flow: A.Flow, count: int, span: Span) -> None:
        if count != len(flow.params):
            self.rep.report("E015", f"'{flow.name}' takes {len(flow.params)} argument"
                            f"{'s' if len(flow.params) != 1 else ''} but {count} "
                            f"{'was' if count == 1 else 'were'} given", span)

    def assign(self, a: A.Assign, ctx: _Ctx) -> None:
        if a.value is not None:
            self.expr(a.value, ctx)
        name = a.name
        if a.temp:
            var = self.d.globals.get(name)
            if var is not None:
                # inklecate's rule: a temporary may not take a global's name (reads and `x++` would
                # otherwise have to guess which one is meant)
                self.rep.report("E010", f"temp '{name}' has the name of the global variable declared at "
                                f"{var.span.file}:{var.span.line}", a.span, "give the temporary another name")
            self.out.assigns[id(a)] = "temp_new"
        elif name in ctx.temps:
            self.out.assigns[id(a)] = "temp"
        elif name in self.d.globals:
            if self.d.globals[name].const:
                self.rep.report("E017", f"'{name}' is a CONST and cannot be changed", a.span,
                                "declare it with VAR if it needs to change")
            self.out.assigns[id(a)] = "global"
        elif name in self.d.lists:
            self.out.assigns[id(a)] = "global"
        else:
            self.rep.report("E013", f"variable '{name}' is not declared", a.span,
                            did_you_mean(name, list(self.d.globals) + list(ctx.temps))
                            or f"declare it with 'VAR {name} = …' or '~ temp {name} = …'")

    # -- expressions ---------------------------------------------------------------------------------
    def expr(self, e: A.Expr, ctx: _Ctx, in_global: bool = False) -> None:
        if isinstance(e, (A.Number, A.Bool)):
            pass
        elif isinstance(e, A.Binary):
            self.expr(e.left, ctx, in_global)
            self.expr(e.right, ctx, in_global)
        elif isinstance(e, A.Unary):
            self.expr(e.operand, ctx, in_global)
        elif isinstance(e, A.StringLit):
            self.inlines(e.parts, ctx)
        elif isinstance(e, A.Name):
            self.name(e, ctx, in_global)
        elif isinstance(e, A.Postfix):
            self.name(e.target, ctx, in_global)
        elif isinstance(e, A.DivertTarget):
            target = self.target(e, e.path, e.span, ctx)
            if isinstance(target, A.Flow | A.Choice | A.Gather):
                # a divert target may reach TURNS_SINCE through a variable or parameter
                self.out.turn_counted.add(id(target))
                self.out.visit_counted.add(id(target))
            if isinstance(target, A.Flow) and any(p.ref for p in target.params):
                self.rep.report("E016", f"can't take a divert target to '{target.name}': it has ref "
                                "parameters", e.span)
        elif isinstance(e, A.ListLit):
            for item in e.items:
                if self.d.list_item(item) is None:
                    self.rep.report("E013", f"list item '{item}' is not defined", e.span,
                                    did_you_mean(item, list(self.d.items)))
        elif isinstance(e, A.Call):
            self.call(e, ctx, in_global)
        else:
            assert_never(e)

    def name(self, e: A.Name, ctx: _Ctx, in_global: bool) -> None:
        name = e.name
        if name in ctx.temps and "." not in name:
            self.out.names[id(e)] = VarRead(name, temp=True)
            return
        var = self.d.globals.get(name)
        if var is not None:
            if in_global and not var.const:
                self.rep.report("E018", f"a global's initial value cannot read another variable ('{name}')", e.span,
                                "use a literal value, a CONST or a list item")
            self.out.names[id(e)] = ConstValue(name, var.value) if var.const else VarRead(name, temp=False)
            return
        if name in self.d.lists:
            self.out.names[id(e)] = VarRead(name, temp=False)
            return
        item = self.d.list_item(name)
        if item is not None and "." not in name and len(self.d.items.get(name, [])) > 1:
            owners = " and ".join(f"'{decl.name}'" for decl, _ in self.d.items[name][:2])
            self.rep.report("E013", f"list item '{name}' is ambiguous: lists {owners} both have it", e.span,
                            f"name the list too: {self.d.items[name][0][0].name}.{name}")
        if item is not None:
            self.out.names[id(e)] = ItemValue(item[0].name, item[1].name, item[1].value)
            return
        if in_global:
            self.rep.report("E013", f"'{name}' is not a value that a global declaration can use", e.span)
            return
        point = self.scopes.lookup(name, ctx.chain)
        if point is not None:
            self.out.names[id(e)] = CountRead(point)
            self.out.visit_counted.add(id(point))
            return
        if "." not in name and name in self.d.temps[id(self.woven.story.root)]:
            # inklecate files the top level's temporaries with the story's globals, so any flow may
            # read one (the runtime finds it while the top level's call frame is the current one)
            self.out.names[id(e)] = VarRead(name, temp=True)
            return
        pool = list(self.d.globals) + list(ctx.temps) + list(self.d.items) + self.scopes.target_names(ctx.chain)
        self.rep.report("E013", f"unresolved name '{name}': no variable, list item, knot, stitch or label has it",
                        e.span, did_you_mean(name, pool))

    def builtin_argument(self, name: str, arg: A.Expr) -> None:
        """inklecate's checks on what a built-in is given (beyond how many arguments)."""
        if name in TARGET_BUILTINS:
            if not isinstance(arg, A.Name):
                self.rep.report("E036", f"{name} takes a divert target: {name}(-> knot)", arg.span,
                                "name the knot, stitch or label with an arrow, or pass a variable holding one")
            elif isinstance(self.out.names.get(id(arg)), CountRead):
                self.rep.report("E036", f"'{arg.name}' is a knot, stitch or label, not a variable holding one",
                                arg.span, f"write {name}(-> {arg.name})")
        elif name in ("RANDOM", "SEED_RANDOM") and isinstance(arg, A.Number) and isinstance(arg.value, float):
            self.rep.report("E036", f"{name} takes integers, not {arg.value}", arg.span,
                            f"write {int(arg.value)}, or INT(…) of a computed value")

    def call(self, e: A.Call, ctx: _Ctx, in_global: bool) -> None:
        name = e.name
        if name in BUILTINS:
            lo, hi, _ = BUILTINS[name]
            if not lo <= len(e.args) <= hi:
                self.rep.report("E015", f"{name} takes {lo} argument{'s' if lo != 1 else ''} but {len(e.args)} "
                                f"{'was' if len(e.args) == 1 else 'were'} given", e.span)
            self.out.calls[id(e)] = BuiltinCall(name)
            for arg in e.args:
                if name in TARGET_BUILTINS and isinstance(arg, A.DivertTarget):
                    target = self.target(arg, arg.path, arg.span, ctx)
                    if isinstance(target, A.Flow | A.Choice | A.Gather):
                        self.out.turn_counted.add(id(target))
                        self.out.visit_counted.add(id(target))
                    continue
                self.expr(arg, ctx, in_global)
                if lo <= len(e.args) <= hi:
                    self.builtin_argument(name, arg)
            return
        if name in ctx.temps or (name in self.d.globals and not self.d.globals[name].const):
            self.declared_before(name, e.span, ctx)
            self.out.calls[id(e)] = VariableCall(name)
            for arg in e.args:
                self.expr(arg, ctx, in_global)
            return
        if name in self.d.lists:
            if len(e.args) > 1:
                self.rep.report("E015", f"the list cast {name}(n) takes one argument", e.span)
            self.out.calls[id(e)] = ListCast(name)
            for arg in e.args:
                self.expr(arg, ctx, in_global)
            return
        flow = None if name in self.d.externals else self.d.knots.get(name)
        if flow is not None:
            if flow.kind != "function":
                self.rep.report("E014", f"'{name}' is a knot, not a function", e.span,
                                f"declare it as '== function {name} ==' to call it, or divert with '-> {name}'")
            self.check_args(flow, len(e.args), e.span)
            self.out.calls[id(e)] = FunctionCall(flow)
            for param, arg in zip(flow.params, e.args, strict=False):
                if param.ref:
                    if not isinstance(arg, A.Name):
                        self.rep.report("E016", f"parameter '{param.name}' of '{name}' is 'ref': pass a variable",
                                        e.span)
                        continue
                    self.out.names[id(arg)] = RefArg(arg.name, temp=arg.name in ctx.temps)
                    if arg.name not in ctx.temps and arg.name not in self.d.globals:
                        self.rep.report("E013", f"variable '{arg.name}' is not declared", arg.span)
                    continue
                self.expr(arg, ctx, in_global)
            for arg in e.args[len(flow.params):]:
                self.expr(arg, ctx, in_global)
            return
        ext = self.d.externals.get(name)
        if ext is not None:
            if len(e.args) != len(ext.params):
                self.rep.report("E015", f"external '{name}' takes {len(ext.params)} arguments but {len(e.args)} "
                                "were given", e.span)
            self.out.calls[id(e)] = ExternalCall(ext)
            for arg in e.args:
                self.expr(arg, ctx, in_global)
            return
        pool = [k for k, f in self.d.knots.items() if f.kind == "function"] + list(BUILTINS)
        self.rep.report("E014", f"function '{name}' is not defined", e.span, did_you_mean(name, pool))
