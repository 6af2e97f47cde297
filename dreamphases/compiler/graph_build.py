"""The story graph: the last resolving pass. Woven story + what resolving found → `StoryGraph`.

Walks the woven story as a reader meets it and records, for the tools, every place (`Node`), way
between places (`Edge`), choice, conditional branch, variable use and ending, with conditions as
resolved expression trees (`expr_tree`). Reports nothing: every problem was found by an earlier
pass, so the graph is built the same way whether or not the story has errors (the tools read it
either way). Where each branch lies in the compiled JSON is not known here; `api` adds it after emit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial

from dreamphases.compiler import ast as A
from dreamphases.compiler import expr_tree as T
from dreamphases.compiler.builtins import TARGET_BUILTINS
from dreamphases.compiler.describe import count_words
from dreamphases.compiler.diagnostics import Span
from dreamphases.compiler.exhaustive import assert_never
from dreamphases.compiler.expr_build import build
from dreamphases.compiler.graph import Branch as GBranch
from dreamphases.compiler.graph import Choice as GChoice
from dreamphases.compiler.graph import Edge, EdgeKind, Ending, Node, NodeKind, Ref, RefKind, StoryGraph, VarUse
from dreamphases.compiler.graph import Return as GReturn
from dreamphases.compiler.graph import VarDecl as GVar
from dreamphases.compiler.regions import Regions
from dreamphases.compiler.resolved import (
    BuiltinCall,
    ConstValue,
    CountRead,
    End,
    ExternalCall,
    FunctionCall,
    ItemValue,
    ListCast,
    RefArg,
    Resolved,
    Target,
    VariableCall,
    VarRead,
    VarTarget,
)
from dreamphases.compiler.termination import terminates
from dreamphases.tags import ending_id

__all__ = ["Built", "build_graph", "reads_of"]


@dataclass(slots=True)
class Built:
    graph: StoryGraph
    #: for each of `graph.branches`, id() of its ast Branch (emit reports runtime paths by that key)
    branch_keys: list[int] = field(default_factory=list)
    #: for each of `graph.choices`, id() of its ast Choice (emit reports where each choice leads by it)
    choice_keys: list[int] = field(default_factory=list)


def build_graph(res: Resolved, regions: Regions | None = None, errors: Sequence[Span] = ()) -> Built:
    """`errors`: where the compiler reported errors; the nodes holding them are marked not `clean`."""
    builder = _GraphBuilder(res)
    builder.run()
    graph = builder.graph
    graph.clean = not errors
    regions = regions or Regions(res.story)
    for span in errors:
        flow = regions.flow_at(span)
        for owner in (flow, res.decls.parents.get(id(flow))):
            node = graph.nodes.get(res.decls.node_ids.get(id(owner), "?")) if owner is not None else None
            if node is not None:
                node.clean = False
    return Built(graph, builder.branch_keys, builder.choice_keys)


def reads_of(expr: T.Expr) -> tuple[str, ...]:
    """What gates a choice or branch: the variables, CONSTs and read counts the condition reads (and
    a function called through a variable), in order. List items and literals are not reads."""
    out: list[str] = []
    stack: list[T.Expr] = [expr]
    while stack:
        node = stack.pop()
        if isinstance(node, T.Binary):
            stack.append(node.right)
            stack.append(node.left)
        elif isinstance(node, T.Var):
            if node.kind != "unresolved":
                out.append(node.name)
        elif isinstance(node, (T.Const, T.ReadCount)):
            out.append(node.name)
        elif isinstance(node, T.Unary):
            stack.append(node.operand)
        elif isinstance(node, T.Call):
            if node.kind == "variable":
                out.append(node.name)
            if node.kind != "unresolved":
                refs = node.refs
                stack.extend(reversed([a for i, a in enumerate(node.args) if not (i < len(refs) and refs[i])]))
        elif isinstance(node, T.Increment):
            out.append(node.var.name)
        elif isinstance(node, (T.Num, T.Bool, T.Str, T.ListItem, T.ListLit, T.DivertTarget)):
            pass
        else:
            assert_never(node)
    return tuple(dict.fromkeys(out))


@dataclass(slots=True)
class _Ctx:
    """Where the walk is: the flows it is inside, their temporaries, the graph node, the conditions."""

    chain: list[A.Flow]  # root, knot, stitch
    temps: set[str]
    node: str
    conditions: tuple[T.Expr, ...] = ()
    reads: tuple[str, ...] = ()

    def under(self, node: str | None = None, conditions: tuple[T.Expr, ...] = (),
              reads: tuple[str, ...] = ()) -> _Ctx:
        return _Ctx(self.chain, self.temps, self.node if node is None else node, self.conditions + conditions,
                    tuple(dict.fromkeys(self.reads + reads)) if reads else self.reads)


class _Meanings:
    """The resolver's answers about one expression's names, for `expr_build.build`."""

    __slots__ = ("b", "ctx")

    def __init__(self, b: _GraphBuilder, ctx: _Ctx) -> None:
        self.b = b
        self.ctx = ctx

    def _kind(self, name: str, temp: bool) -> T.VarKind:
        if temp:
            return "param" if any(p.name == name for f in self.ctx.chain for p in f.params) else "temp"
        return "global" if name in self.b.res.decls.globals else "list"

    def name(self, e: A.Name) -> T.Expr:
        meaning = self.b.res.names.names.get(id(e))
        if meaning is None:
            return T.Var(e.name, "unresolved")
        if isinstance(meaning, (VarRead, RefArg)):
            return T.Var(meaning.name, self._kind(meaning.name, meaning.temp))
        if isinstance(meaning, ConstValue):
            return T.Const(e.name, build(meaning.value, _Meanings(self.b, self.b.top)))
        if isinstance(meaning, ItemValue):
            return T.ListItem(e.name, meaning.list, meaning.item, meaning.value)
        if isinstance(meaning, CountRead):
            return T.ReadCount(e.name, self.b.target_id(meaning.point))
        assert_never(meaning)

    def call(self, e: A.Call) -> tuple[T.CallKind, tuple[bool, ...]]:
        meaning = self.b.res.names.calls.get(id(e))
        match meaning:
            case None:
                return "unresolved", ()
            case BuiltinCall():
                return "builtin", ()
            case VariableCall():
                return "variable", ()
            case ListCast():
                return "list", ()
            case FunctionCall(flow):
                return "function", tuple(p.ref for p in flow.params)
            case ExternalCall():
                return "external", ()
            case _:
                assert_never(meaning)

    def target(self, e: A.DivertTarget) -> str:
        found = self.b.res.names.targets.get(id(e))
        return e.path if found is None else self.b.target_id(found)

    def item(self, name: str) -> T.ListItem:
        found = self.b.res.decls.list_item(name)
        if found is None:
            return T.ListItem(name, "", name, 0)
        decl, item = found
        return T.ListItem(name, decl.name, item.name, item.value)


class _GraphBuilder:
    def __init__(self, res: Resolved) -> None:
        self.res = res
        story = res.story
        self.graph = StoryGraph(story.root.span.file, files=list(story.files), includes=list(story.includes))
        self.branch_keys: list[int] = []
        self.choice_keys: list[int] = []
        self.top = _Ctx([story.root], set(), "")
        self.choice_set = 0
        self.pending_ending: str | None = None
        self.pending_endings: list[str] = []
        self.line = 0
        #: word counters: the innermost open choice body collects the words read after taking it
        self.word_sinks: list[GChoice | None] = []
        self.choice_seen: set[str] = set()
        self.sets = 0
        self.choice_stack: list[int] = []
        self.falling: list[list[GChoice]] = []

    def tree(self, e: A.Expr, ctx: _Ctx) -> T.Expr:
        return build(e, _Meanings(self, ctx))

    def target_id(self, target: Target) -> str:
        if isinstance(target, (A.Flow, A.Choice, A.Gather)):
            return self.res.decls.node_ids.get(id(target), "?")
        if isinstance(target, End):
            return target.which
        if isinstance(target, VarTarget):
            return f"*{target.name}"
        assert_never(target)

    # -- refs: every name as written, for editors ------------------------------------------------------
    def ref(self, name: str, target: str, kind: RefKind, span: Span, ctx: _Ctx) -> None:
        scope = self.res.decls.node_ids.get(id(ctx.chain[-1])) if kind == "temp" else None
        self.graph.refs.append(Ref(name, target, kind, span.file, span.line, span.col, scope))

    def var_ref(self, name: str, span: Span, ctx: _Ctx) -> None:
        """A variable by name: a temporary or parameter in scope, else a global, a CONST or a LIST."""
        var = self.res.decls.globals.get(name)
        if name in ctx.temps:
            self.ref(name, name, "temp", span, ctx)
        elif var is not None:
            self.ref(name, name, "const" if var.const else "var", span, ctx)
        elif name in self.res.decls.lists:
            self.ref(name, name, "list", span, ctx)

    def target_ref(self, path: str, target: Target | None, span: Span, ctx: _Ctx) -> None:
        if target is None or isinstance(target, End):
            pass
        elif isinstance(target, VarTarget):
            self.var_ref(target.name, span, ctx)
        elif isinstance(target, (A.Flow, A.Choice, A.Gather)):
            self.ref(path, self.target_id(target), "node", span, ctx)
        else:
            assert_never(target)

    def name_ref(self, e: A.Name, ctx: _Ctx) -> None:
        meaning = self.res.names.names.get(id(e))
        # (an isinstance chain, not `match`: this runs on every name in the story)
        if meaning is None:
            pass
        elif isinstance(meaning, (VarRead, RefArg, ConstValue)):
            self.var_ref(meaning.name, e.span, ctx)
        elif isinstance(meaning, ItemValue):
            self.ref(e.name, f"{meaning.list}.{meaning.item}", "item", e.span, ctx)
        elif isinstance(meaning, CountRead):
            self.ref(e.name, self.target_id(meaning.point), "node", e.span, ctx)
        else:
            assert_never(meaning)

    # -- declarations --------------------------------------------------------------------------------
    def declarations(self) -> None:
        story, d = self.res.story, self.res.decls
        for decl in story.lists:
            self.graph.variables[decl.name] = GVar(decl.name, "list", decl.span.file, decl.span.line,
                                                   ", ".join(i.name for i in decl.items))
        for var in story.variables:
            self.graph.variables[var.name] = GVar(var.name, "const" if var.const else "var", var.span.file,
                                                  var.span.line)
        root = story.root
        self.graph.nodes[""] = Node("", "root", "", root.span.file, root.span.line)
        for knot in root.children:
            kind: NodeKind = "function" if knot.kind == "function" else "knot"
            self.graph.nodes[knot.name] = Node(knot.name, kind, knot.name, knot.span.file, knot.span.line,
                                               tuple(("ref " if p.ref else "") + p.name for p in knot.params),
                                               parent="")
            if knot.kind == "function":
                self.graph.functions[knot.name] = self.graph.nodes[knot.name].params
            for st in knot.children:
                sid = d.node_ids[id(st)]
                self.graph.nodes[sid] = Node(sid, "stitch", st.name, st.span.file, st.span.line,
                                             tuple(p.name for p in st.params), parent=knot.name)
        for flow in self.res.woven.flows():
            base = d.node_ids[id(flow)]
            for point in d.labels[id(flow)].values():
                lid = d.node_ids[id(point)]
                assert point.label is not None
                self.graph.nodes[lid] = Node(lid, "label", point.label, point.span.file, point.span.line,
                                             parent=base)

    # -- walking -------------------------------------------------------------------------------------
    def run(self) -> None:
        self.declarations()
        story, d = self.res.story, self.res.decls
        for var in story.variables:
            self.expr(var.value, self.top, in_global=True)
            gvar = self.graph.variables.get(var.name)
            if gvar is not None and gvar.kind != "list":
                gvar.value = self.tree(var.value, self.top)
                gvar.initial = T.source(gvar.value)
        for flow in self.res.woven.flows():
            ctx = _Ctx(d.chain(flow, story.root), self.res.names.temps[id(flow)], d.node_ids[id(flow)])
            self.pending_ending = None
            self.pending_endings = []
            if flow.kind == "knot" and flow.children and not flow.body and not flow.children[0].params:
                first = flow.children[0]
                self.graph.edges.append(Edge(ctx.node, d.node_ids[id(first)], "fallthrough",
                                             first.span.file, first.span.line))
            self.weave_items(self.res.woven.weave_of(flow).items, ctx, flow)
            loose = self.res.loose
            spans = [p.span for p in loose.leftovers.get(id(flow), [])] + (
                [loose.runs_out[id(flow)]] if id(flow) in loose.runs_out else [])
            node = self.graph.nodes.get(ctx.node)
            if flow.kind in ("knot", "stitch") and spans and node is not None:
                node.runs_out = True
                node.runs_out_at = tuple(dict.fromkeys(s.line for s in spans))

    def stmts(self, items: list[A.Stmt], ctx: _Ctx, flow: A.Flow) -> None:
        for it in items:
            self.stmt(it, ctx, flow)

    def stmt(self, it: A.Stmt, ctx: _Ctx, flow: A.Flow) -> None:
        if isinstance(it, A.ContentLine):
            words = count_words(it.items)
            if words:  # (lines without words, such as the line break after logic, change no count)
                node = self.graph.nodes.get(ctx.node)
                if node is not None:
                    node.words += words
                    if ctx.node not in self.choice_seen:
                        node.words_before_choice += words
                if self.word_sinks and self.word_sinks[-1] is not None:
                    self.word_sinks[-1].words += words
            self.line = it.span.line
            self.inlines(it.items, ctx, flow)
        elif isinstance(it, A.Assign):
            self.assign(it, ctx)
        elif isinstance(it, A.Return):
            if it.value is not None:
                self.expr(it.value, ctx)
            self.graph.returns.setdefault(ctx.node, []).append(GReturn(
                self.tree(it.value, ctx) if it.value is not None else None, ctx.conditions))
        elif isinstance(it, A.ExprStmt):
            self.expr(it.expr, ctx)
        elif isinstance(it, A.Choice):
            self.choice(it, ctx, flow)
        elif isinstance(it, A.Gather):  # a gather outside a weave's item list (a block's body)
            self.gather(it, ctx, flow)
        elif isinstance(it, A.Weave):
            self.word_sinks.append(None)  # nested options and gathers count their own words
            self.weave_items(it.items, ctx, flow)
            self.word_sinks.pop()
        elif isinstance(it, A.Conditional):
            self.conditional(it, ctx, flow)
        elif isinstance(it, A.Sequence):
            self.alternatives([partial(self.stmts, el, ctx, flow) for el in it.elements], ctx)
        else:
            assert_never(it)

    def weave_items(self, items: list[A.Stmt], ctx: _Ctx, flow: A.Flow) -> None:
        """Walk one weave level in order, as a reader meets it.

        Options up to a gather form one choice set; a gather starts the next. Whatever follows a
        labelled gather at this level belongs to the label. The gather's opening words are read by
        every option of the set before it that falls through to it.
        """
        saved = self.choice_set
        self.sets += 1
        self.choice_set = self.sets
        section: list[GChoice] = []  # options (here or nested deeper) that fall through to a gather
        carried = False  # the section's options came through a gather and fall on to the next one
        self.falling.append(section)
        for it in items:
            if isinstance(it, A.Choice):
                if carried:
                    section.clear()  # what fell into the last gather meets these options instead
                    carried = False
                gchoice = self.choice(it, ctx, flow)
                if not terminates(it.inner, it.body) and not _holds_weave(it.body):
                    section.append(gchoice)
            elif isinstance(it, A.Gather):
                nested = _holds_weave(it.body)
                labelled = bool(it.label) and id(it) in self.res.decls.node_ids
                if not labelled:  # a labelled gather is a node: its words are read on arriving there
                    words = 0
                    for st in it.body:
                        if isinstance(st, A.Weave):
                            break
                        if isinstance(st, A.ContentLine):
                            words += count_words(st.items)
                    for gchoice in section:
                        gchoice.words += words
                if labelled or nested or terminates([], it.body):
                    section.clear()
                carried = bool(section)
                self.sets += 1
                self.choice_set = self.sets
                ctx = self.gather(it, ctx, flow)
            else:
                self.stmt(it, ctx, flow)
        self.falling.pop()
        if self.falling:  # nested options with nowhere to go here flow on to the next gather out
            self.falling[-1].extend(section)
        self.choice_set = saved

    def gather(self, it: A.Gather, ctx: _Ctx, flow: A.Flow) -> _Ctx:
        """Walk a gather's body; returns the context for what follows it (the label's, if labelled)."""
        sub = ctx
        if it.label and id(it) in self.res.decls.node_ids:  # not there when the label is a duplicate (E010)
            sub = ctx.under(self.res.decls.node_ids[id(it)])
            self.graph.edges.append(Edge(ctx.node, sub.node, "fallthrough", it.span.file, it.span.line))
        self.word_sinks.append(None)  # the gather's words are added to the options that fall into it
        self.stmts(it.body, sub, flow)
        self.word_sinks.pop()
        return sub

    def choice(self, ch: A.Choice, ctx: _Ctx, flow: A.Flow) -> GChoice:
        conds: list[T.Expr] = []
        for cond in ch.conditions:
            self.expr(cond, ctx)
            conds.append(self.tree(cond, ctx))
        for part in (ch.start, ch.choice_only):
            self.inlines(part, ctx, flow)
        text = "".join([p.text for part in (ch.start, ch.choice_only) for p in part if isinstance(p, A.Text)]).strip()
        index = len(self.graph.choices)
        reads = tuple(dict.fromkeys(r for c in conds for r in reads_of(c))) if conds else ()
        gchoice = GChoice(ctx.node, text, ch.span.file, ch.span.line, ch.sticky, ch.fallback,
                          tuple(conds), reads, self.choice_set,
                          parent=self.choice_stack[-1] if self.choice_stack else None, depth=ch.depth)
        self.graph.choices.append(gchoice)
        self.choice_keys.append(id(ch))
        node_id = self.res.decls.node_ids.get(id(ch), ctx.node)
        sub = ctx.under(node_id, tuple(conds), reads)
        before = len(self.graph.edges)
        self.pending_ending = None
        self.pending_endings = []
        self.choice_seen.add(ctx.node)
        self.word_sinks.append(gchoice)
        self.choice_stack.append(index)
        gchoice.words = count_words(ch.start) + count_words(ch.inner)  # the option's text is printed again
        self.line = ch.span.line
        self.inlines(ch.inner, sub, flow)
        self.stmts(ch.body, sub, flow)
        self.choice_stack.pop()
        self.word_sinks.pop()
        for edge in self.graph.edges[before:]:
            if edge.choice is None:
                edge.choice = index
        gchoice.targets = tuple(dict.fromkeys(e.target for e in self.graph.edges[before:]
                                              if e.kind in ("divert", "tunnel", "fallthrough")))
        if node_id != ctx.node:
            self.graph.edges.append(Edge(ctx.node, node_id, "choice", ch.span.file, ch.span.line,
                                         gchoice.conditions, gchoice.reads, choice=index))
        return gchoice

    def conditional(self, c: A.Conditional, ctx: _Ctx, flow: A.Flow) -> None:
        subject: T.Expr | None = None
        if c.subject is not None:
            self.expr(c.subject, ctx)
            subject = self.tree(c.subject, ctx)
        before: list[T.Expr] = []  # the conditions of the branches before this one
        walks: list[Callable[[], None]] = []
        for br in c.branches:
            cond: T.Expr | None = None
            if br.condition is not None:
                self.expr(br.condition, ctx)
                cond = self.tree(br.condition, ctx)
                if subject is not None:
                    cond = T.Binary("==", subject, cond)
            elif br.is_else and before:
                cond = T.negate(T.any_of(before))
            line = br.span.line if br.span is not None else c.span.line
            self.branch_keys.append(id(br))
            self.graph.branches.append(GBranch(ctx.node, c.span.file, line, cond or T.TRUE,
                                               is_else=br.is_else))
            sub = ctx.under(conditions=(cond,), reads=reads_of(cond)) if cond is not None else ctx.under(
                reads=reads_of(subject) if subject is not None else ())
            if cond is not None and not br.is_else:
                before.append(cond)
            walks.append(partial(self.stmts, br.body, sub, flow))
        self.alternatives(walks, ctx)

    def alternatives(self, walks: list[Callable[[], None]], ctx: _Ctx) -> None:
        """Walk branches of which a reader reads one (a conditional's, a sequence's elements).

        `Node.words` keeps every word written; the reading counts (`words_before_choice`, the open
        option's `words`) take the longest branch, not the sum, since one pass reads one branch.
        """
        node = self.graph.nodes.get(ctx.node)
        sink = self.word_sinks[-1] if self.word_sinks else None
        base_node = node.words_before_choice if node is not None else 0
        base_sink = sink.words if sink is not None else 0
        most_node = most_sink = 0
        for walk in walks:
            walk()
            if node is not None:
                most_node = max(most_node, node.words_before_choice - base_node)
                node.words_before_choice = base_node
            if sink is not None:
                most_sink = max(most_sink, sink.words - base_sink)
                sink.words = base_sink
        if node is not None:
            node.words_before_choice = base_node + most_node
        if sink is not None:
            sink.words = base_sink + most_sink

    def inlines(self, items: list[A.Inline], ctx: _Ctx, flow: A.Flow) -> None:
        for it in items:
            if isinstance(it, (A.Text, A.Glue, A.Newline)):
                pass
            elif isinstance(it, A.Print):
                self.expr(it.expr, ctx)
            elif isinstance(it, A.Tag):
                self.tag(it, ctx, flow)
            elif isinstance(it, A.Divert):
                self.divert(it, ctx, flow)
            elif isinstance(it, A.Conditional):
                self.conditional(it, ctx, flow)
            elif isinstance(it, A.Sequence):
                self.alternatives([partial(self.stmts, el, ctx, flow) for el in it.elements], ctx)
            else:
                assert_never(it)

    def tag(self, it: A.Tag, ctx: _Ctx, flow: A.Flow) -> None:
        text = "".join(p.text for p in it.parts if isinstance(p, A.Text)).strip()
        ending = ending_id(text)  # the one ending convention (dreamphases/tags.py)
        if ending is not None:
            self.pending_ending = ending
            self.pending_endings.append(self.pending_ending)
            self.graph.endings.append(Ending(self.pending_ending, ctx.node, flow.span.file,
                                             self.line or flow.span.line))
        self.inlines(it.parts, ctx, flow)
        node = self.graph.nodes.get(ctx.node)
        if node is not None:
            node.tags += (text,)
        if flow.kind == "root" and ctx.node == "" and not self.graph.edges and not any(
                n.words for n in self.graph.nodes.values()):
            self.graph.global_tags.append(text)

    def divert(self, d: A.Divert, ctx: _Ctx, flow: A.Flow) -> None:
        for arg in d.args:
            self.expr(arg, ctx)
        if d.tunnel_return:
            node = self.graph.nodes.get(ctx.node)
            if node is not None:
                node.returns = True
            owner = self.graph.nodes.get(self.res.decls.node_ids.get(id(flow), ""))
            if owner is not None:
                owner.returns = True
        if d.target is None:
            return
        target = self.res.names.targets.get(id(d))
        self.target_ref(d.target, target, d.span, ctx)
        if target is None:
            return
        kind: EdgeKind = "thread" if d.thread else "tunnel" if d.tunnel else "divert"
        edge = Edge(ctx.node, self.target_id(target), kind, d.span.file, d.span.line, ctx.conditions,
                    ctx.reads, len(d.args))
        if target == End("END"):
            edge.ending = self.pending_ending
            edge.endings = tuple(dict.fromkeys(self.pending_endings))
        self.graph.edges.append(edge)

    def assign(self, a: A.Assign, ctx: _Ctx) -> None:
        first_use = len(self.graph.uses)
        if a.value is not None:
            self.expr(a.value, ctx)
        if id(a) not in self.res.names.assigns:
            return  # not declared (E013)
        self.var_ref(a.name, a.span, ctx)
        if self.res.names.assigns[id(a)] == "global":
            for use in self.graph.uses[first_use:]:
                if use.mode == "read":
                    use.feeds = a.name
        rhs = self.tree(a.value, ctx) if a.value is not None else None
        value = _fold(rhs) if rhs is not None else (1 if a.op == "++" else -1)
        self.graph.uses.append(VarUse(a.name, ctx.node, a.span.file, a.span.line, "write", a.op, value,
                                      expr=rhs))

    # -- expressions: variable uses and the edges values make -----------------------------------------
    def expr(self, e: A.Expr, ctx: _Ctx, in_global: bool = False) -> None:
        if isinstance(e, (A.Number, A.Bool, A.ListLit)):
            pass
        elif isinstance(e, A.Binary):
            self.expr(e.left, ctx, in_global)
            self.expr(e.right, ctx, in_global)
        elif isinstance(e, A.Unary):
            self.expr(e.operand, ctx, in_global)
        elif isinstance(e, A.StringLit):
            self.inlines(e.parts, ctx, ctx.chain[-1])
        elif isinstance(e, A.Name):
            self.read(e, ctx, in_global)
        elif isinstance(e, A.Postfix):
            self.read(e.target, ctx, in_global)
            name = e.target.name
            if name in ctx.temps or name in self.res.decls.globals:
                self.graph.uses.append(VarUse(name, ctx.node, e.span.file, e.span.line, "write", e.op))
        elif isinstance(e, A.DivertTarget):
            target = self.res.names.targets.get(id(e))
            self.target_ref(e.path, target, e.span, ctx)
            if isinstance(target, A.Flow | A.Choice | A.Gather):
                self.graph.edges.append(Edge(ctx.node, self.target_id(target), "target", e.span.file,
                                             e.span.line, ctx.conditions, ctx.reads))
        elif isinstance(e, A.Call):
            self.call(e, ctx, in_global)
        else:
            assert_never(e)

    def read(self, e: A.Name, ctx: _Ctx, in_global: bool) -> None:
        self.name_ref(e, ctx)
        meaning = self.res.names.names.get(id(e))
        if isinstance(meaning, VarRead) and not meaning.temp:
            if e.name in self.res.decls.lists and e.name not in self.res.decls.globals:
                self.graph.uses.append(VarUse(e.name, ctx.node, e.span.file, e.span.line, "read"))
            elif not in_global:
                self.graph.uses.append(VarUse(e.name, ctx.node, e.span.file, e.span.line, "read"))
        elif isinstance(meaning, ConstValue) and not in_global:
            self.graph.uses.append(VarUse(e.name, ctx.node, e.span.file, e.span.line, "read"))

    def call(self, e: A.Call, ctx: _Ctx, in_global: bool) -> None:
        meaning = self.res.names.calls.get(id(e))
        match meaning:
            case None:
                pass  # not defined (E014): its arguments were not resolved either
            case BuiltinCall(name):
                for arg in e.args:
                    if name in TARGET_BUILTINS and isinstance(arg, A.DivertTarget):
                        self.target_ref(arg.path, self.res.names.targets.get(id(arg)), arg.span, ctx)
                        continue
                    self.expr(arg, ctx, in_global)
            case VariableCall(name) | ListCast(name):
                self.var_ref(name, e.span, ctx)
                for arg in e.args:
                    self.expr(arg, ctx, in_global)
            case ExternalCall():
                for arg in e.args:
                    self.expr(arg, ctx, in_global)
            case FunctionCall(flow):
                self.ref(e.name, e.name, "node", e.span, ctx)
                for param, arg in zip(flow.params, e.args, strict=False):
                    if param.ref:
                        if isinstance(arg, A.Name):
                            self.name_ref(arg, ctx)
                            self.graph.uses.append(VarUse(arg.name, ctx.node, arg.span.file, arg.span.line,
                                                          "write", "ref"))
                        continue
                    self.expr(arg, ctx, in_global)
                for arg in e.args[len(flow.params):]:
                    self.expr(arg, ctx, in_global)
                self.graph.edges.append(Edge(ctx.node, e.name, "call", e.span.file, e.span.line, ctx.conditions,
                                             ctx.reads, len(e.args),
                                             args=tuple(self.tree(arg, ctx) for arg in e.args)))
            case _:
                assert_never(meaning)


def _holds_weave(body: list[A.Stmt]) -> bool:
    """Whether a point's body nests options of its own (a loop, not any(): it runs on every option)."""
    for st in body:
        if isinstance(st, A.Weave):
            return True
    return False


def _fold(expr: T.Expr) -> float | int | bool | None:
    """A write's value when it is a literal number or truth value (what the stat rules judge)."""
    match expr:
        case T.Num(value):
            return value
        case T.Bool(value):
            return value
        case T.Unary("-", T.Num(value)):
            return -value
        case _:
            return None

