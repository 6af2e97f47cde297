"""Weaving: a flow's flat run of statements → nested choices and gathers (`Woven`).

ink marks nesting with the number of `*`/`-`, not with indentation. Following inklecate, a deeper
choice or gather opens a nested `Weave` that lasts until a weave point at or above its depth, and
every statement after a choice or gather (up to the next weave point at its level) is its body.

The parsed hierarchy is left as parsed: every choice, gather and block that gains a body here is a
new node, so the parser's output means the same thing before and after this stage.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from dreamphases.compiler.ast import Choice, Conditional, Flow, Gather, Sequence, Stmt, Story, Weave

__all__ = ["Woven", "weave", "build_weave"]


@dataclass(slots=True)
class Woven:
    """The story with each flow's body woven: `weaves[id(flow)]` for every flow of `story`."""

    story: Story
    weaves: dict[int, Weave]

    def flows(self) -> list[Flow]:
        """The root, then each knot followed by its stitches (source order)."""
        out = [self.story.root]
        for knot in self.story.root.children:
            out.append(knot)
            out.extend(knot.children)
        return out

    def weave_of(self, flow: Flow) -> Weave:
        return self.weaves[id(flow)]


def weave(story: Story) -> Woven:
    woven = Woven(story, {})
    for flow in woven.flows():
        woven.weaves[id(flow)] = build_weave(flow.body)
    return woven


def build_weave(stmts: list[Stmt], depth: int = 0) -> Weave:
    """Nest `stmts` (a flow's or a block's body) into a Weave at `depth` (0 for a flow)."""
    items: list[Stmt] = []
    owner: Choice | Gather | None = None
    for stmt in _nest(stmts, depth):
        if isinstance(stmt, Choice):
            owner = _choice_with_body(stmt)
            items.append(owner)
        elif isinstance(stmt, Gather):
            owner = Gather(stmt.depth, stmt.label, stmt.span, [])
            items.append(owner)
        elif owner is not None:
            owner.body.append(_with_woven_blocks(stmt))
        else:
            items.append(_with_woven_blocks(stmt))
    return Weave(depth, items)


def _choice_with_body(ch: Choice) -> Choice:
    """A copy of a parsed choice, to hold its woven body (a constructor call: `dataclasses.replace`
    costs several times more, on every choice; a test checks no field is left behind)."""
    return Choice(ch.depth, ch.sticky, ch.label, ch.conditions, ch.start, ch.choice_only, ch.inner, ch.span,
                  ch.has_brackets, [])


def _nest(items: list[Stmt], base: int) -> list[Stmt]:
    out: list[Stmt] = []
    i = 0
    while i < len(items):
        it = items[i]
        if isinstance(it, (Choice, Gather)) and it.depth - 1 > base:
            j = i
            while j < len(items):
                nxt = items[j]
                if isinstance(nxt, (Choice, Gather)) and nxt.depth - 1 <= base:
                    break
                j += 1
            out.append(build_weave(items[i:j], it.depth - 1))
            i = j
        else:
            out.append(it)
            i += 1
    return out


def _with_woven_blocks(stmt: Stmt) -> Stmt:
    """Bodies of multiline blocks are weaves of their own (they may hold choices)."""
    match stmt:
        case Conditional():
            return replace(stmt, branches=[
                replace(br, body=[build_weave(br.body)]) if _needs_weave(br.body) else br
                for br in stmt.branches])
        case Sequence():
            return replace(stmt, elements=[[build_weave(el)] if _needs_weave(el) else el for el in stmt.elements])
        case _:
            return stmt


def _needs_weave(stmts: list[Stmt]) -> bool:
    return any(isinstance(s, (Choice, Gather, Conditional, Sequence)) for s in stmts)

