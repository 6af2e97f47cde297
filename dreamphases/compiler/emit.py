"""Emitting: the resolved hierarchy → ink runtime containers (`runtime_tree`) → JSON.

The weave logic follows inklecate's Weave: choices become choice points plus a `c-N` container,
gathers collect the loose ends of everything before them, and loose ends that reach the end of a
knot are reported (W001) because the story would run out of content there.
"""

from __future__ import annotations

from dataclasses import dataclass

from dreamphases.compiler import ast as A
from dreamphases.compiler.diagnostics import Diagnostic
from dreamphases.compiler.emit_values import ValueEmitter
from dreamphases.compiler.resolved import Resolved
from dreamphases.compiler.runtime_tree import START_ONLY, TURNS, VISITS, Container, Nop, Ref, to_json
from dreamphases.compiler.termination import ends, has_return, last_span, terminates

__all__ = ["emit"]


@dataclass(slots=True)
class _Loose:
    point: A.Choice | A.Gather
    container: Container


class _WeaveState:
    __slots__ = ("choices", "gathers")

    def __init__(self) -> None:
        self.choices = 0
        self.gathers = 0


class _Emitter(ValueEmitter):
    """Flows, weaves, statements and blocks; values and expressions are `ValueEmitter`'s."""

    def __init__(self, res: Resolved, lines: dict[str, list[str]]) -> None:
        self.res = res
        self.lines = lines
        self.diags: list[Diagnostic] = []
        self.containers: dict[int, Container] = {}
        self.loose_stack: list[list[_Loose]] = []
        #: graph branch index → the container holding that branch's content
        self.branch_containers: dict[int, Container] = {}

    def container_for(self, node: object) -> Container:
        c = self.containers.get(id(node))
        if c is None:
            c = Container()
            self.containers[id(node)] = c
        return c

    def count_flags(self, node: object, extra: int, always: bool = False) -> int:
        """Visit/turn counting flags for a container: only where the story reads them (like inklecate
        without countAllVisits), since bink pays for every counted container it enters."""
        turns = TURNS if id(node) in self.res.turn_counted else 0
        if not (always or turns or id(node) in self.res.visit_counted):
            return 0
        return VISITS | extra | turns

    def warn_loose(self, point: A.Choice | A.Gather, flow: A.Flow) -> None:
        sp = point.span
        lines = self.lines.get(sp.file)
        excerpt = lines[sp.line - 1] if lines and 0 < sp.line <= len(lines) else None
        where = f"'{flow.name}'" if flow.name else "the story"
        self.diags.append(Diagnostic(
            "W001", f"loose end: the flow in {where} runs out of content here", sp,
            "add a divert, a gather, '-> DONE' or '-> END'", excerpt))

    # -- story ---------------------------------------------------------------------------------------
    def story(self) -> str:
        story = self.res.story
        root = Container()
        weave = self.res.weaves[id(story.root)]
        final = A.Gather(1, None, story.root.span,
                         [A.ContentLine([A.Divert("DONE", [], story.root.span)], story.root.span)])
        weave.items.append(final)
        wc = Container(keep=True)
        self.flow_weave(story.root, weave, wc)
        root.add(wc)
        root.add("done")
        for knot in story.root.children:
            root.add_named(self.flow(knot))
        decl = Container("global decl")
        decl.add("ev")
        for lst in story.lists:
            decl.add(self.list_value(lst.name, [(lst.name, i.name, i.value) for i in lst.items if i.selected]))
            decl.add({"VAR=": lst.name})
        for var in story.variables:
            if var.const:
                continue
            self.expr(var.value, decl)
            decl.add({"VAR=": var.name})
        decl.add("/ev")
        decl.add("end")
        root.add_named(decl)
        list_defs = {lst.name: {i.name: i.value for i in lst.items} for lst in story.lists}
        text, paths = to_json(root, list_defs)
        if self.res.graph is not None:
            for index, container in self.branch_containers.items():
                self.res.graph.branches[index].runtime_path = paths.get(id(container), "")
        return text

    def flow(self, flow: A.Flow) -> Container:
        c = self.container_for(flow)
        c.name = flow.name
        c.flags = self.count_flags(flow, 0)
        for p in reversed(flow.params):
            c.add({"temp=": p.name})
        weave = self.res.weaves[id(flow)]
        if flow.kind == "knot" and flow.children and not weave.items and not flow.children[0].params:
            c.add(Ref("->", self.container_for(flow.children[0])))
        if weave.items:
            wc = Container()
            self.flow_weave(flow, weave, wc)
            c.add(wc)
        for child in flow.children:
            c.add_named(self.flow(child))
        return c

    def flow_weave(self, flow: A.Flow, weave: A.Weave, wc: Container) -> None:
        self.loose_stack.append([])
        self.weave(weave, wc, flow, sealed=False)
        leftover = self.loose_stack.pop()
        if flow.kind not in ("knot", "stitch"):
            return
        node = self.res.graph.nodes.get(self.res.node_ids.get(id(flow), "")) if self.res.graph else None
        for le in leftover:
            self.warn_loose(le.point, flow)
        if leftover and node is not None:
            node.runs_out = True
        if not leftover and not ends(weave.items) and not has_return(weave.items):
            last = last_span(weave.items) or flow.span
            lines = self.lines.get(last.file)
            excerpt = lines[last.line - 1] if lines and 0 < last.line <= len(lines) else None
            self.diags.append(Diagnostic(
                "W001", f"loose end: {flow.kind} '{flow.name}' runs out of content here", last,
                "end it with a divert, '-> DONE' or '-> END' (or '->->' if it is a tunnel)", excerpt))
            if node is not None:
                node.runs_out = True

    # -- weaves --------------------------------------------------------------------------------------
    def weave(self, w: A.Weave, container: Container, flow: A.Flow, sealed: bool) -> None:
        own: list[_Loose] = []
        self.loose_stack.append(own)
        state = _WeaveState()
        current = container
        seen_choice = False
        prev: A.Choice | A.Gather | None = None
        for item in w.items:
            if isinstance(item, A.Choice):
                if isinstance(prev, A.Gather):
                    own[:] = [le for le in own if le.point is not prev]
                cc = self.choice(item, current, state, flow)
                nested = self.body(item.body, cc, flow)
                if not nested and not terminates(item.inner, item.body):
                    own.append(_Loose(item, cc))
                seen_choice = True
                prev = item
            elif isinstance(item, A.Gather):
                auto_enter = not seen_choice
                seen_choice = False
                gc = self.container_for(item)
                if item.label:
                    gc.name = item.label
                else:
                    gc.name = f"g-{state.gathers}"
                    state.gathers += 1
                gc.flags = self.count_flags(item, START_ONLY)
                if auto_enter:
                    current.add(gc)
                else:
                    current.add_named(gc)
                for le in own:
                    if isinstance(le.point, A.Gather) and le.point.depth == item.depth:
                        continue
                    le.container.add(Ref("->", gc))
                own.clear()
                current = gc
                nested = self.body(item.body, gc, flow)
                if not nested and not terminates([], item.body):
                    own.append(_Loose(item, gc))
                prev = item
            else:
                self.body([item], current, flow)
        self.loose_stack.pop()
        parent = self.loose_stack[-1] if self.loose_stack else None
        for le in own:
            if sealed and isinstance(le.point, A.Choice):
                continue
            if parent is not None:
                parent.append(le)

    def body(self, stmts: list[A.Stmt], c: Container, flow: A.Flow, sealed: bool = False) -> bool:
        """Emit a choice's, gather's or branch's body; True when it holds a nested weave.

        Weaves inside conditional and sequence branches are `sealed`: their loose choices need
        explicit diverts, as in inklecate.
        """
        nested = False
        for st in stmts:
            if isinstance(st, A.Weave):
                nc = Container()
                self.weave(st, nc, flow, sealed=sealed)
                c.add(nc)
                nested = True
            else:
                self.stmt(st, c, flow)
        return nested

    def choice(self, ch: A.Choice, current: Container, state: _WeaveState, flow: A.Flow) -> Container:
        cc = self.container_for(ch)
        cc.name = ch.label or f"c-{state.choices}"
        state.choices += 1
        # once-only choices need their target's visit count: that is how the runtime hides them
        cc.flags = self.count_flags(ch, START_ONLY, always=not ch.sticky)
        flags = 0 if ch.sticky else 0x10
        target = current
        s: Container | None = None
        if ch.start:
            flags |= 0x2
            wrapper = Container()
            r1 = Container("$r1")
            s = Container("s")
            wrapper.add("ev")
            wrapper.add(Ref("^->", r1))
            wrapper.add({"temp=": "$r"})
            wrapper.add("str")
            wrapper.add(Ref("->", s))
            wrapper.add(r1)
            wrapper.add("/str")
            self.inlines(ch.start, s, flow)
            s.add({"->": "$r", "var": True})
            wrapper.add_named(s)
            current.add(wrapper)
            target = wrapper
        elif ch.choice_only or ch.conditions:
            target.add("ev")
        if ch.choice_only:
            flags |= 0x4
            target.add("str")
            self.inlines(ch.choice_only, target, flow)
            target.add("/str")
        if ch.conditions:
            flags |= 0x1
            for i, cond in enumerate(ch.conditions):
                self.expr(cond, target)
                if i:
                    target.add("&&")
        if ch.fallback:
            flags |= 0x8
        if ch.start or ch.choice_only or ch.conditions:
            target.add("/ev")
        target.add(Ref("*", cc, {"flg": flags}))
        current.add_named(cc)
        if s is not None:
            r2 = Container("$r2")
            cc.add("ev")
            cc.add(Ref("^->", r2))
            cc.add("/ev")
            cc.add({"temp=": "$r"})
            cc.add(Ref("->", s))
            cc.add(r2)
        self.inlines(ch.inner, cc, flow)
        cc.add("\n")
        return cc

    # -- statements ----------------------------------------------------------------------------------
    def stmt(self, st: A.Stmt, c: Container, flow: A.Flow) -> None:
        if isinstance(st, A.ContentLine):
            self.inlines(st.items, c, flow)
        elif isinstance(st, A.Assign):
            self.assign(st, c)
        elif isinstance(st, A.Return):
            c.add("ev")
            if st.value is not None:
                self.expr(st.value, c)
            else:
                c.add("void")
            c.add("/ev")
            c.add("~ret")
        elif isinstance(st, A.ExprStmt):
            c.add("ev")
            if isinstance(st.expr, A.Postfix):
                self.postfix(st.expr, c)
            else:
                self.expr(st.expr, c)
                c.add("pop")
            c.add("/ev")
        elif isinstance(st, A.Conditional):
            self.conditional(st, c, flow)
        elif isinstance(st, A.Sequence):
            self.sequence(st, c, flow)
        elif isinstance(st, A.Weave):
            nc = Container()
            self.weave(st, nc, flow, sealed=True)
            c.add(nc)
        elif isinstance(st, (A.Choice, A.Gather)):  # only inside sealed bodies
            nc = Container()
            self.weave(A.Weave(st.depth, [st]), nc, flow, sealed=True)
            c.add(nc)

    def _assign_cmd(self, name: str, kind: str) -> dict:
        if kind == "global":
            return {"VAR=": name, "re": True}
        if kind == "temp_new":
            return {"temp=": name}
        return {"temp=": name, "re": True}

    def assign(self, a: A.Assign, c: Container) -> None:
        kind = self.res.assigns.get(id(a), "global")
        c.add("ev")
        if a.op in ("+=", "-=", "++", "--"):
            c.add({"VAR?": a.name})
            if a.value is not None:
                self.expr(a.value, c)
            else:
                c.add(1)
            c.add("+" if a.op in ("+=", "++") else "-")
        elif a.value is not None:
            self.expr(a.value, c)
        c.add("/ev")
        c.add(self._assign_cmd(a.name, kind))

    def inlines(self, items: list[A.Inline], c: Container, flow: A.Flow) -> None:
        for it in items:
            if isinstance(it, A.Text):
                if it.text:
                    c.add("^" + it.text)
            elif isinstance(it, A.Newline):
                c.add("\n")
            elif isinstance(it, A.Glue):
                c.add("<>")
            elif isinstance(it, A.Print):
                c.add("ev")
                self.expr(it.expr, c)
                c.add("out")
                c.add("/ev")
            elif isinstance(it, A.Tag):
                c.add("#")
                self.inlines(it.parts, c, flow)
                c.add("/#")
            elif isinstance(it, A.Divert):
                self.divert(it, c)
            elif isinstance(it, A.Conditional):
                self.conditional(it, c, flow)
            elif isinstance(it, A.Sequence):
                self.sequence(it, c, flow)

    def divert(self, d: A.Divert, c: Container) -> None:
        if d.tunnel_return:
            c.add("ev")
            for arg in d.args:
                self.expr(arg, c)
            if d.target is not None:
                target = self.res.targets.get(id(d))
                self.target_value(target, d.target, c)
            else:
                c.add("void")
            c.add("/ev")
            c.add("->->")
            return
        if d.target in ("END", "DONE"):
            c.add("end" if d.target == "END" else "done")
            return
        target = self.res.targets.get(id(d))
        if d.args:
            c.add("ev")
            params = target.params if isinstance(target, A.Flow) else []
            for i, arg in enumerate(d.args):
                if i < len(params) and params[i].ref and isinstance(arg, A.Name):
                    c.add({"^var": arg.name, "ci": -1})
                else:
                    self.expr(arg, c)
            c.add("/ev")
        if d.thread:
            c.add("thread")
        key = "->t->" if d.tunnel else "->"
        if isinstance(target, tuple):
            c.add({key: target[1], "var": True})
        elif isinstance(target, str):
            c.add("end" if target == "END" else "done")
        else:
            c.add(Ref(key, self.container_for(target)))

    def conditional(self, cond: A.Conditional, c: Container, flow: A.Flow) -> None:
        rejoin = Nop()
        switch = cond.subject is not None
        if switch:
            c.add("ev")
            self.expr(cond.subject, c)  # type: ignore[arg-type]
            c.add("/ev")
        has_else = False
        for idx, br in enumerate(cond.branches):
            wrapper = Container()
            b = Container("b")
            if id(br) in self.res.branch_ids:
                self.branch_containers[self.res.branch_ids[id(br)]] = b
            if br.is_else:
                has_else = True
                wrapper.add(Ref("->", b))
            else:
                if switch:
                    wrapper.add("du")
                    wrapper.add("ev")
                    self.expr(br.condition, wrapper)  # type: ignore[arg-type]
                    wrapper.add("==")
                    wrapper.add("/ev")
                elif idx == 0 and cond.initial:
                    c.add("ev")
                    self.expr(br.condition, c)  # type: ignore[arg-type]
                    c.add("/ev")
                else:
                    wrapper.add("ev")
                    self.expr(br.condition, wrapper)  # type: ignore[arg-type]
                    wrapper.add("/ev")
                wrapper.add(Ref("->", b, {"c": True}))
            if switch:
                b.add("pop")
            self.body(br.body, b, flow, sealed=True)
            b.add(Ref("->", rejoin))
            wrapper.add_named(b)
            c.add(wrapper)
        if switch and not has_else:
            c.add("pop")
        c.add(rejoin)

    def sequence(self, seq: A.Sequence, c: Container, flow: A.Flow) -> None:
        sc = Container(flags=VISITS | START_ONLY)
        once = bool(seq.kind & A.SEQ_ONCE)
        cycle = bool(seq.kind & A.SEQ_CYCLE)
        stopping = bool(seq.kind & A.SEQ_STOPPING)
        shuffle = bool(seq.kind & A.SEQ_SHUFFLE)
        if not (once or cycle or stopping or shuffle):
            stopping = True
        count = len(seq.elements)
        branches = count + 1 if once else count
        sc.add("ev")
        sc.add("visit")
        if stopping or once:
            sc.add(branches - 1)
            sc.add("MIN")
        elif cycle:
            sc.add(count)
            sc.add("%")
        if shuffle:
            post_shuffle = Nop()
            if once or stopping:
                last = count - 1 if stopping else count
                sc.add("du")
                sc.add(last)
                sc.add("==")
                sc.add(Ref("->", post_shuffle, {"c": True}))
            sc.add(count - 1 if stopping else count)
            sc.add("seq")
            if once or stopping:
                sc.add(post_shuffle)
        sc.add("/ev")
        done = Nop()
        for i in range(branches):
            sc.add("ev")
            sc.add("du")
            sc.add(i)
            sc.add("==")
            sc.add("/ev")
            el = Container(f"s{i}")
            sc.add(Ref("->", el, {"c": True}))
            el.add("pop")
            if i < count:
                self.body(seq.elements[i], el, flow, sealed=True)
            el.add(Ref("->", done))
            sc.add_named(el)
        sc.add(done)
        c.add(sc)

    # -- expressions ---------------------------------------------------------------------------------



def emit(res: Resolved, lines: dict[str, list[str]]) -> tuple[str, list[Diagnostic]]:
    e = _Emitter(res, lines)
    return e.story(), e.diags
