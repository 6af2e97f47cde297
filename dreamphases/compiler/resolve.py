"""Resolving: names, scopes and checks over the parsed hierarchy → side tables + diagnostics + graph.

Nothing here mutates the AST. Every reference the emitter needs (what a divert points at, what a
name means, which function a call reaches) is recorded in a `Resolved` table keyed by node identity,
and the story graph for the tools is built in the same walk.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from functools import partial

from dreamphases.compiler import ast as A
from dreamphases.compiler import expr_tree as T
from dreamphases.compiler.builtins import BUILTINS, RESERVED
from dreamphases.compiler.describe import count_words, fold
from dreamphases.compiler.diagnostics import Diagnostic, Span
from dreamphases.compiler.graph import Branch as GBranch
from dreamphases.compiler.graph import Choice as GChoice
from dreamphases.compiler.graph import Edge, EdgeKind, Ending, Node, NodeKind, StoryGraph, VarUse
from dreamphases.compiler.graph import VarDecl as GVar
from dreamphases.compiler.resolve_expr import ExprResolver
from dreamphases.compiler.resolved import Ctx, Resolved
from dreamphases.compiler.scopes import Scopes, Target
from dreamphases.compiler.termination import terminates
from dreamphases.compiler.weave import build_weave

__all__ = ["Resolved", "resolve"]



class _Resolver(ExprResolver):
    """Declarations, scopes and the walk over statements; names in expressions are `ExprResolver`'s."""

    def __init__(self, story: A.Story, sources_lines: dict[str, list[str]]) -> None:
        self.story = story
        self.lines = sources_lines
        self.diags: list[Diagnostic] = []
        self.out = Resolved(story)
        self.scopes = Scopes()
        self.knots = self.scopes.knots
        self.globals: dict[str, A.VarDecl] = {}
        self.lists: dict[str, A.ListDecl] = {}
        self.items: dict[str, list[tuple[A.ListDecl, A.ListItemDef]]] = {}
        self.externals: dict[str, A.External] = {}
        self.labels = self.scopes.labels
        self.graph = StoryGraph(story.root.span.file, files=list(story.files),
                                includes=list(story.includes))
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

    # -- diagnostics ---------------------------------------------------------------------------------
    def error(self, code: str, message: str, span: Span, hint: str | None = None) -> None:
        lines = self.lines.get(span.file)
        excerpt = lines[span.line - 1] if lines and 0 < span.line <= len(lines) else None
        self.diags.append(Diagnostic(code, message, span, hint, excerpt))

    def suggest(self, name: str, pool: list[str]) -> str | None:
        close = difflib.get_close_matches(name, pool, n=1, cutoff=0.6)
        return f"did you mean '{close[0]}'?" if close else None

    def check_reserved(self, name: str, span: Span, what: str) -> None:
        # inklecate refuses these too: the name would shadow a keyword or a built-in function
        if name in RESERVED:
            kind = "a built-in function" if name in BUILTINS else "reserved by ink"
            self.error("E011", f"{what} name '{name}' is {kind}", span, "choose another name")

    # -- declarations --------------------------------------------------------------------------------
    def declare(self) -> None:
        seen: dict[str, Span] = {}

        def claim(name: str, span: Span, what: str) -> bool:
            self.check_reserved(name, span, what)
            if name in seen:
                prev = seen[name]
                self.error("E010", f"{what} '{name}' is already defined at {prev.file}:{prev.line}", span)
                return False
            seen[name] = span
            return True

        for decl in self.story.lists:
            if claim(decl.name, decl.span, "list"):
                self.lists[decl.name] = decl
            for item in decl.items:
                self.items.setdefault(item.name, []).append((decl, item))
            self.graph.variables[decl.name] = GVar(decl.name, "list", decl.span.file, decl.span.line,
                                                  ", ".join(i.name for i in decl.items))
        for var in self.story.variables:
            if claim(var.name, var.span, "variable"):
                self.globals[var.name] = var
            self.graph.variables[var.name] = GVar(var.name, "const" if var.const else "var", var.span.file,
                                                  var.span.line)
        for ext in self.story.externals:
            self.externals[ext.name] = ext
        for flow in self.story.root.children:
            if flow.name in self.knots:
                prev = self.knots[flow.name].span
                self.error("E010", f"knot '{flow.name}' is already defined at {prev.file}:{prev.line}",
                           flow.span)
                continue
            if flow.name in self.globals or flow.name in self.lists:
                self.error("E010", f"'{flow.name}' is both a variable and a knot", flow.span)
            self.check_reserved(flow.name, flow.span, flow.kind)
            self.knots[flow.name] = flow
            names: set[str] = set()
            for st in flow.children:
                self.check_reserved(st.name, st.span, "stitch")
                if st.name in names:
                    self.error("E010", f"stitch '{st.name}' is already defined in '{flow.name}'", st.span)
                names.add(st.name)
        # weaves and labels
        for flow in self._all_flows():
            weave = build_weave(flow.body)
            self.out.weaves[id(flow)] = weave
            table: dict[str, A.Choice | A.Gather] = {}
            self._collect_labels(weave.items, table, flow)
            self.labels[id(flow)] = table
        # graph nodes
        root = self.story.root
        self.graph.nodes[""] = Node("", "root", "", root.span.file, root.span.line)
        self.out.node_ids[id(root)] = ""
        for knot in root.children:
            kind: NodeKind = "function" if knot.kind == "function" else "knot"
            self.graph.nodes[knot.name] = Node(knot.name, kind, knot.name, knot.span.file, knot.span.line,
                                               tuple(("ref " if p.ref else "") + p.name for p in knot.params),
                                               parent="")
            self.out.node_ids[id(knot)] = knot.name
            if knot.kind == "function":
                self.graph.functions[knot.name] = self.graph.nodes[knot.name].params
            for st in knot.children:
                sid = f"{knot.name}.{st.name}"
                self.graph.nodes[sid] = Node(sid, "stitch", st.name, st.span.file, st.span.line,
                                             tuple(p.name for p in st.params), parent=knot.name)
                self.out.node_ids[id(st)] = sid
        for flow in self._all_flows():
            base = self.out.node_ids[id(flow)]
            for label, point in self.labels[id(flow)].items():
                lid = f"{base}.{label}" if base else label
                self.graph.nodes[lid] = Node(lid, "label", label, point.span.file, point.span.line,
                                             parent=base)
                self.out.node_ids[id(point)] = lid

    def _all_flows(self) -> list[A.Flow]:
        out = [self.story.root]
        for knot in self.story.root.children:
            out.append(knot)
            out.extend(knot.children)
        return out

    def _collect_labels(self, items: list[A.Stmt], table: dict[str, A.Choice | A.Gather], flow: A.Flow) -> None:
        for it in items:
            if isinstance(it, (A.Choice, A.Gather)):
                if it.label:
                    if it.label in table:
                        self.error("E010", f"label '{it.label}' is already used in this "
                                   f"{'story' if flow.kind == 'root' else flow.kind}", it.span)
                    else:
                        table[it.label] = it
                self._collect_labels(it.body, table, flow)
            elif isinstance(it, A.Weave):
                self._collect_labels(it.items, table, flow)
            elif isinstance(it, A.Conditional):
                for br in it.branches:
                    self._collect_labels(br.body, table, flow)
            elif isinstance(it, A.Sequence):
                for el in it.elements:
                    self._collect_labels(el, table, flow)

    def resolve_target(self, node: object, path: str, span: Span, ctx: Ctx) -> Target | None:
        if path in ("END", "DONE"):
            self.out.targets[id(node)] = path
            return path
        if "." not in path and (path in ctx.temps or self._is_divert_param(path, ctx)):
            self.out.targets[id(node)] = ("var", path)
            return ("var", path)
        if "." not in path and path in self.globals:
            self.out.targets[id(node)] = ("var", path)
            return ("var", path)
        found = self.scopes.lookup(path, ctx.chain)
        if found is None:
            self.error("E012", f"divert target '{path}' not found", span,
                       self.suggest(path, self.scopes.target_names(ctx.chain)))
            return None
        self.out.targets[id(node)] = found
        return found

    def _is_divert_param(self, name: str, ctx: Ctx) -> bool:
        return any(p.name == name for f in ctx.chain for p in f.params)

    def target_id(self, target: Target) -> str:
        if isinstance(target, str):
            return target
        if isinstance(target, tuple):
            return f"*{target[1]}"
        return self.out.node_ids.get(id(target), "?")

    # -- walking -------------------------------------------------------------------------------------
    def run(self) -> None:
        self.declare()
        for var in self.story.variables:
            top = Ctx([self.story.root], set(), "")
            self.expr(var.value, top, in_global=True)
            gvar = self.graph.variables.get(var.name)
            if gvar is not None and gvar.kind != "list":
                gvar.value = self.tree(var.value, top)
                gvar.initial = T.source(gvar.value)
        # by identity: `flow in k.children` would compare whole dataclass trees, knots × stitches times
        parents = {id(st): k for k in self.story.root.children for st in k.children}
        for flow in self._all_flows():
            chain = [self.story.root]
            if flow.kind in ("knot", "function"):
                chain = [self.story.root, flow]
            elif flow.kind == "stitch":
                chain = [self.story.root, parents[id(flow)], flow]
            temps = {p.name for f in chain[1:] for p in f.params}
            self._collect_temps(self.out.weaves[id(flow)].items, temps)
            ctx = Ctx(chain, temps, self.out.node_ids[id(flow)])
            self.pending_ending = None
            self.pending_endings = []
            if flow.kind == "knot" and flow.children and not flow.body and not flow.children[0].params:
                first = flow.children[0]
                self.graph.edges.append(Edge(ctx.node, self.out.node_ids[id(first)], "fallthrough",
                                             first.span.file, first.span.line))
            self.weave_items(self.out.weaves[id(flow)].items, ctx, flow)
        self.out.list_items = {
            name: [(d.name, i.name, i.value) for d, i in defs] for name, defs in self.items.items()
        }
        self.out.graph = self.graph

    def _collect_temps(self, items: list[A.Stmt], temps: set[str]) -> None:
        for it in items:
            if isinstance(it, A.Assign) and it.temp:
                temps.add(it.name)
            elif isinstance(it, (A.Choice, A.Gather)):
                self._collect_temps(it.body, temps)
            elif isinstance(it, A.Weave):
                self._collect_temps(it.items, temps)
            elif isinstance(it, A.Conditional):
                for br in it.branches:
                    self._collect_temps(br.body, temps)
            elif isinstance(it, A.Sequence):
                for el in it.elements:
                    self._collect_temps(el, temps)

    def stmts(self, items: list[A.Stmt], ctx: Ctx, flow: A.Flow) -> None:
        for it in items:
            self.stmt(it, ctx, flow)

    def stmt(self, it: A.Stmt, ctx: Ctx, flow: A.Flow) -> None:
        node = self.graph.nodes.get(ctx.node)
        if isinstance(it, A.ContentLine):
            words = count_words(it.items)
            if node is not None:
                node.words += words
                if ctx.node not in self.choice_seen:
                    node.words_before_choice += words
            if self.word_sinks and self.word_sinks[-1] is not None:
                self.word_sinks[-1].words += words
            self.line = it.span.line
            self.inlines(it.items, ctx, flow)
        elif isinstance(it, A.Assign):
            self.assign(it, ctx, flow)
        elif isinstance(it, A.Return):
            if flow.kind != "function":
                self.error("E022", "'~ return' can only be used in a function", it.span,
                           "declare the knot as '== function name ==' or use '->->' to leave a tunnel")
            if it.value is not None:
                self.expr(it.value, ctx)
        elif isinstance(it, A.ExprStmt):
            self.expr(it.expr, ctx)
        elif isinstance(it, A.Choice):
            self.choice(it, ctx, flow)
        elif isinstance(it, A.Gather):  # a gather outside a weave's item list (a sealed block body)
            self.gather(it, ctx, flow)
        elif isinstance(it, A.Weave):
            self.word_sinks.append(None)  # nested options and gathers count their own words
            self.weave_items(it.items, ctx, flow)
            self.word_sinks.pop()
        elif isinstance(it, A.Conditional):
            self.conditional(it, ctx, flow)
        elif isinstance(it, A.Sequence):
            self.alternatives([partial(self.stmts, el, ctx, flow) for el in it.elements], ctx)

    def weave_items(self, items: list[A.Stmt], ctx: Ctx, flow: A.Flow) -> None:
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
                if not terminates(it.inner, it.body) and not any(isinstance(b, A.Weave) for b in it.body):
                    section.append(gchoice)
            elif isinstance(it, A.Gather):
                nested = any(isinstance(b, A.Weave) for b in it.body)
                labelled = bool(it.label) and id(it) in self.out.node_ids
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

    def gather(self, it: A.Gather, ctx: Ctx, flow: A.Flow) -> Ctx:
        """Walk a gather's body; returns the context for what follows it (the label's, if labelled)."""
        sub = ctx
        if it.label and id(it) in self.out.node_ids:  # not there when the label is a duplicate (E010)
            sub = Ctx(ctx.chain, ctx.temps, self.out.node_ids[id(it)], ctx.conditions, ctx.reads)
            self.graph.edges.append(Edge(ctx.node, sub.node, "fallthrough", it.span.file, it.span.line))
        self.word_sinks.append(None)  # the gather's words are added to the options that fall into it
        self.stmts(it.body, sub, flow)
        self.word_sinks.pop()
        return sub

    def choice(self, ch: A.Choice, ctx: Ctx, flow: A.Flow) -> GChoice:
        if flow.kind == "function":
            self.error("E020", "functions may not contain choices", ch.span)
        reads: list[str] = []
        for cond in ch.conditions:
            reads.extend(self.expr(cond, ctx))
        for part in (ch.start, ch.choice_only):
            self.inlines(part, ctx, flow)
        text = "".join(p.text for p in ch.start + ch.choice_only if isinstance(p, A.Text)).strip()
        index = len(self.graph.choices)
        conds = tuple(self.tree(c, ctx) for c in ch.conditions)
        gchoice = GChoice(ctx.node, text, ch.span.file, ch.span.line, ch.sticky, ch.fallback,
                          conds, tuple(dict.fromkeys(reads)), self.choice_set,
                          parent=self.choice_stack[-1] if self.choice_stack else None, depth=ch.depth)
        self.graph.choices.append(gchoice)
        node_id = self.out.node_ids.get(id(ch), ctx.node)
        merged = tuple(dict.fromkeys(ctx.reads + tuple(reads)))
        sub = Ctx(ctx.chain, ctx.temps, node_id, ctx.conditions + conds, merged)
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

    def conditional(self, c: A.Conditional, ctx: Ctx, flow: A.Flow) -> None:
        subject_reads: list[str] = []
        if c.subject is not None:
            subject_reads = self.expr(c.subject, ctx)
        subject = self.tree(c.subject, ctx) if c.subject is not None else None
        before: list[T.Expr] = []  # the conditions of the branches before this one
        walks: list[Callable[[], None]] = []
        for br in c.branches:
            reads = list(subject_reads)
            cond: T.Expr | None = None
            if br.condition is not None:
                reads.extend(self.expr(br.condition, ctx))
                cond = self.tree(br.condition, ctx)
                if subject is not None:
                    cond = T.Binary("==", subject, cond)
            elif br.is_else and before:
                cond = T.negate(T.any_of(before))
            line = br.span.line if br.span is not None else c.span.line
            self.out.branch_ids[id(br)] = len(self.graph.branches)
            self.graph.branches.append(GBranch(ctx.node, c.span.file, line, cond or T.TRUE))
            conds = ctx.conditions + ((cond,) if cond is not None else ())
            sub = Ctx(ctx.chain, ctx.temps, ctx.node, conds, tuple(dict.fromkeys(ctx.reads + tuple(reads))))
            if cond is not None and not br.is_else:
                before.append(cond)
            walks.append(partial(self.stmts, br.body, sub, flow))
        self.alternatives(walks, ctx)

    def alternatives(self, walks: list[Callable[[], None]], ctx: Ctx) -> None:
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

    def inlines(self, items: list[A.Inline], ctx: Ctx, flow: A.Flow) -> None:
        for it in items:
            if isinstance(it, A.Print):
                self.expr(it.expr, ctx)
            elif isinstance(it, A.Tag):
                text = "".join(p.text for p in it.parts if isinstance(p, A.Text)).strip()
                if text.startswith("ending:"):
                    self.pending_ending = text[len("ending:"):].strip()
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
            elif isinstance(it, A.Divert):
                self.divert(it, ctx, flow)
            elif isinstance(it, A.Conditional):
                self.conditional(it, ctx, flow)
            elif isinstance(it, A.Sequence):
                self.alternatives([partial(self.stmts, el, ctx, flow) for el in it.elements], ctx)

    def divert(self, d: A.Divert, ctx: Ctx, flow: A.Flow) -> None:
        for arg in d.args:
            self.expr(arg, ctx)
        if d.tunnel_return:
            node = self.graph.nodes.get(ctx.node)
            if node is not None:
                node.returns = True
            owner = self.graph.nodes.get(self.out.node_ids.get(id(flow), ""))
            if owner is not None:
                owner.returns = True
        if d.target is None:
            return
        if flow.kind == "function" and not d.tunnel_return:
            self.error("E020", "functions may not contain diverts", d.span,
                       "a function must return to its caller; use a knot or a tunnel instead")
        target = self.resolve_target(d, d.target, d.span, ctx)
        if target is None:
            return
        if isinstance(target, A.Flow):
            self.check_args(target, len(d.args), d.span)
        kind: EdgeKind = "thread" if d.thread else "tunnel" if d.tunnel else "divert"
        edge = Edge(ctx.node, self.target_id(target), kind, d.span.file, d.span.line, ctx.conditions,
                    ctx.reads, len(d.args))
        if target == "END":
            edge.ending = self.pending_ending
            edge.endings = tuple(dict.fromkeys(self.pending_endings))
        self.graph.edges.append(edge)

    def check_args(self, flow: A.Flow, count: int, span: Span) -> None:
        if count != len(flow.params):
            self.error("E015", f"'{flow.name}' takes {len(flow.params)} argument"
                       f"{'s' if len(flow.params) != 1 else ''} but {count} {'was' if count == 1 else 'were'} given",
                       span)

    def assign(self, a: A.Assign, ctx: Ctx, flow: A.Flow) -> None:
        if a.value is not None:
            self.expr(a.value, ctx)
        name = a.name
        if a.temp:
            self.out.assigns[id(a)] = "temp_new"
        elif name in ctx.temps:
            self.out.assigns[id(a)] = "temp"
        elif name in self.globals:
            if self.globals[name].const:
                self.error("E017", f"'{name}' is a CONST and cannot be changed", a.span,
                           "declare it with VAR if it needs to change")
            self.out.assigns[id(a)] = "global"
        elif name in self.lists:
            self.out.assigns[id(a)] = "global"
        else:
            self.error("E013", f"variable '{name}' is not declared", a.span,
                       self.suggest(name, list(self.globals) + list(ctx.temps))
                       or f"declare it with 'VAR {name} = …' or '~ temp {name} = …'")
            return
        value = fold(a.value) if a.value is not None else (1 if a.op == "++" else -1)
        self.graph.uses.append(VarUse(name, ctx.node, a.span.file, a.span.line, "write", a.op, value))


def resolve(story: A.Story, lines: dict[str, list[str]]) -> tuple[Resolved, list[Diagnostic]]:
    r = _Resolver(story, lines)
    r.run()
    return r.out, r.diags
