"""Emitting: the resolved story → ink runtime containers (`runtime_tree`) → JSON.

The weave logic follows inklecate's Weave: choices become choice points plus a `c-N` container,
gathers become `g-N` containers, and each loose choice or gather diverts to the gather the resolver
found for it (`LooseEnds`). Emit reads the resolved story and writes nothing upstream: where each
conditional branch ended up in the JSON comes back as data (`Emitted.branch_paths`).
"""

from __future__ import annotations

from dataclasses import dataclass

from dreamphases.compiler import ast as A
from dreamphases.compiler.emit_values import ValueEmitter
from dreamphases.compiler.exhaustive import assert_never
from dreamphases.compiler.resolved import End, Resolved, VarTarget
from dreamphases.compiler.runtime_tree import START_ONLY, TURNS, VISITS, Container, Nop, Ref, to_json

__all__ = ["Emitted", "emit"]


@dataclass(slots=True)
class Emitted:
    """What emitting gives back: the JSON, how deeply it nests, and runtime paths as data."""

    json_text: str
    #: how deeply arrays and objects nest in the JSON (bink refuses a story nested too deeply)
    json_depth: int
    #: id(ast Branch) → the runtime path of the container holding that branch's content
    branch_paths: dict[int, str]
    #: id(ast Choice) → the runtime path of the container the choice leads into
    choice_paths: dict[int, str]


class _WeaveState:
    __slots__ = ("choices", "gathers")

    def __init__(self) -> None:
        self.choices = 0
        self.gathers = 0


class _Emitter(ValueEmitter):
    """Flows, weaves, statements and blocks; values and expressions are `ValueEmitter`'s."""

    def __init__(self, res: Resolved) -> None:
        super().__init__(res)
        #: id(ast Branch) → the container holding that branch's content
        self.branch_containers: dict[int, Container] = {}
        #: id(ast Choice) → the container the choice leads into
        self.choice_containers: dict[int, Container] = {}

    def count_flags(self, node: A.Flow | A.Choice | A.Gather, extra: int, always: bool = False) -> int:
        """Visit/turn counting flags for a container: only where the story reads them (like inklecate
        without countAllVisits), since bink pays for every counted container it enters."""
        turns = TURNS if id(node) in self.res.names.turn_counted else 0
        if not (always or turns or id(node) in self.res.names.visit_counted):
            return 0
        return VISITS | extra | turns

    # -- story ---------------------------------------------------------------------------------------
    def story(self) -> Emitted:
        story = self.res.story
        root = Container()
        final = self.res.loose.final
        items = self.res.woven.weave_of(story.root).items + ([final] if final is not None else [])
        wc = Container(keep=True)
        self.weave(items, wc, story.root)
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
        text, paths, depth = to_json(root, list_defs)
        return Emitted(text, depth, {key: paths.get(id(c), "") for key, c in self.branch_containers.items()},
                       {key: paths.get(id(c), "") for key, c in self.choice_containers.items()})

    def flow(self, flow: A.Flow) -> Container:
        c = self.container_for(flow)
        c.name = flow.name
        c.flags = self.count_flags(flow, 0)
        for p in reversed(flow.params):
            c.add({"temp=": p.name})
        weave = self.res.woven.weave_of(flow)
        if flow.kind == "knot" and flow.children and not weave.items and not flow.children[0].params:
            c.add(Ref("->", self.container_for(flow.children[0])))
        if weave.items:
            # a label of the knot's weave may share a stitch's name (inklecate allows it): the weave
            # then keeps a container of its own, as inklecate's does, so `k.s` stays the stitch
            labels = self.res.decls.labels.get(id(flow), {})
            wc = Container(keep=any(child.name in labels for child in flow.children))
            self.weave(weave.items, wc, flow)
            c.add(wc)
        for child in flow.children:
            c.add_named(self.flow(child))
        return c

    # -- weaves --------------------------------------------------------------------------------------
    def weave(self, items: list[A.Stmt], container: Container, flow: A.Flow) -> None:
        state = _WeaveState()
        current = container
        seen_choice = False
        for item in items:
            if isinstance(item, A.Choice):
                cc = self.choice(item, current, state, flow)
                self.body(item.body, cc, flow)
                self.link_loose(item, cc)
                seen_choice = True
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
                current = gc
                self.body(item.body, gc, flow)
                self.link_loose(item, gc)
            else:
                self.body([item], current, flow)

    def link_loose(self, point: A.Choice | A.Gather, c: Container) -> None:
        """A choice or gather whose content runs on diverts to the gather it flows into."""
        gather = self.res.loose.gathers_into.get(id(point))
        if gather is not None:
            c.add(Ref("->", self.container_for(gather)))

    def body(self, stmts: list[A.Stmt], c: Container, flow: A.Flow) -> None:
        """Emit a choice's, gather's or branch's body."""
        for st in stmts:
            if isinstance(st, A.Weave):
                nc = Container()
                self.weave(st.items, nc, flow)
                c.add(nc)
            else:
                self.stmt(st, c, flow)

    def choice(self, ch: A.Choice, current: Container, state: _WeaveState, flow: A.Flow) -> Container:
        cc = self.container_for(ch)
        cc.name = ch.label or f"c-{state.choices}"
        state.choices += 1
        self.choice_containers[id(ch)] = cc
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
            self.weave(st.items, nc, flow)
            c.add(nc)
        elif isinstance(st, (A.Choice, A.Gather)):  # only inside a block's body
            nc = Container()
            self.weave([st], nc, flow)
            c.add(nc)
        else:
            assert_never(st)

    def assign(self, a: A.Assign, c: Container) -> None:
        kind = self.res.names.assigns.get(id(a), "global")
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
        if kind == "global":
            c.add({"VAR=": a.name, "re": True})
        elif kind == "temp_new":
            c.add({"temp=": a.name})
        else:
            c.add({"temp=": a.name, "re": True})

    def inlines(self, items: list[A.Inline], c: Container, flow: A.Flow) -> None:
        add = c.content.append  # the hottest loop of emit: every piece of text passes here
        for it in items:
            if isinstance(it, A.Text):
                if it.text:
                    add("^" + it.text)
            elif isinstance(it, A.Newline):
                add("\n")
            elif isinstance(it, A.Glue):
                add("<>")
            elif isinstance(it, A.Print):
                add("ev")
                self.expr(it.expr, c)
                add("out")
                add("/ev")
            elif isinstance(it, A.Tag):
                add("#")
                self.inlines(it.parts, c, flow)
                add("/#")
            elif isinstance(it, A.Divert):
                self.divert(it, c)
            elif isinstance(it, A.Conditional):
                self.conditional(it, c, flow)
            elif isinstance(it, A.Sequence):
                self.sequence(it, c, flow)
            else:
                assert_never(it)

    def divert(self, d: A.Divert, c: Container) -> None:
        target = self.res.names.targets.get(id(d))
        if d.tunnel_return:
            c.add("ev")
            for arg in d.args:
                self.expr(arg, c)
            if d.target is not None:
                self.target_value(target, d.target, c)
            else:
                c.add("void")
            c.add("/ev")
            c.add("->->")
            return
        if d.target in ("END", "DONE"):
            c.add("end" if d.target == "END" else "done")
            return
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
        # (an isinstance chain, commonest first, not `match`: this runs on every divert in the story)
        if isinstance(target, (A.Flow, A.Choice, A.Gather)):
            c.add(Ref(key, self.container_for(target)))
        elif isinstance(target, VarTarget):
            c.add({key: target.name, "var": True})
        elif isinstance(target, End):
            c.add("end" if target.which == "END" else "done")
        elif target is None:  # unresolved: only when there were errors, and then nothing is written
            c.add(Ref(key, None))
        else:
            assert_never(target)

    def conditional(self, cond: A.Conditional, c: Container, flow: A.Flow) -> None:
        rejoin = Nop()
        switch = cond.subject is not None
        if cond.subject is not None:
            c.add("ev")
            self.expr(cond.subject, c)
            c.add("/ev")
        has_else = False
        for idx, br in enumerate(cond.branches):
            wrapper = Container()
            b = Container("b")
            self.branch_containers[id(br)] = b
            if br.is_else:
                has_else = True
                wrapper.add(Ref("->", b))
            else:
                if switch:
                    wrapper.add("du")
                    wrapper.add("ev")
                    self.condition(br, wrapper)
                    wrapper.add("==")
                    wrapper.add("/ev")
                elif idx == 0 and cond.initial:
                    c.add("ev")
                    self.condition(br, c)
                    c.add("/ev")
                else:
                    wrapper.add("ev")
                    self.condition(br, wrapper)
                    wrapper.add("/ev")
                wrapper.add(Ref("->", b, {"c": True}))
            if switch:
                b.add("pop")
            self.body(br.body, b, flow)
            b.add(Ref("->", rejoin))
            wrapper.add_named(b)
            c.add(wrapper)
        if switch and not has_else:
            c.add("pop")
        c.add(rejoin)

    def condition(self, br: A.Branch, c: Container) -> None:
        if br.condition is not None:
            self.expr(br.condition, c)

    def sequence(self, seq: A.Sequence, c: Container, flow: A.Flow) -> None:
        sc = Container(flags=VISITS | START_ONLY)
        add = sc.content.append
        once = bool(seq.kind & A.SEQ_ONCE)
        cycle = bool(seq.kind & A.SEQ_CYCLE)
        stopping = bool(seq.kind & A.SEQ_STOPPING)
        shuffle = bool(seq.kind & A.SEQ_SHUFFLE)
        if not (once or cycle or stopping or shuffle):
            stopping = True
        count = len(seq.elements)
        branches = count + 1 if once else count
        add("ev")
        add("visit")
        if stopping or once:
            add(branches - 1)
            add("MIN")
        elif cycle:
            add(count)
            add("%")
        if shuffle:
            post_shuffle = Nop()
            if once or stopping:
                last = count - 1 if stopping else count
                add("du")
                add(last)
                add("==")
                add(Ref("->", post_shuffle, {"c": True}))
            add(count - 1 if stopping else count)
            add("seq")
            if once or stopping:
                add(post_shuffle)
        add("/ev")
        done = Nop()
        for i in range(branches):
            add("ev")
            add("du")
            add(i)
            add("==")
            add("/ev")
            el = Container(f"s{i}")
            add(Ref("->", el, {"c": True}))
            el.add("pop")
            if i < count:
                self.body(seq.elements[i], el, flow)
            el.add(Ref("->", done))
            sc.add_named(el)
        add(done)
        c.add(sc)


def emit(res: Resolved) -> Emitted:
    """The story as ink JSON. Only called on a story without errors."""
    return _Emitter(res).story()
