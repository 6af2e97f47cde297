"""Weaves: a flat run of statements → nested choices and gathers.

ink marks nesting with the number of `*`/`-`, not with indentation. Following inklecate, a deeper
choice or gather opens a nested `Weave` that lasts until a weave point at or above its depth, and
every statement after a choice or gather (up to the next weave point at its level) is its body.
"""

from __future__ import annotations

from dreamphases.compiler.ast import Branch, Choice, Conditional, Gather, Sequence, Stmt, Weave

__all__ = ["build_weave"]


def _is_point(stmt: object) -> bool:
    return isinstance(stmt, (Choice, Gather))


def build_weave(stmts: list[Stmt], depth: int = 0) -> Weave:
    """Nest `stmts` (a flow's or a block's body) into a Weave at `depth` (0 for a flow)."""
    nested = _nest(stmts, depth)
    items: list[Stmt] = []
    owner: Choice | Gather | None = None
    for stmt in nested:
        if _is_point(stmt):
            owner = stmt  # type: ignore[assignment]
            items.append(stmt)
        elif owner is not None:
            owner.body.append(stmt)
        else:
            items.append(stmt)
    for stmt in _walk_blocks(items):
        _nest_blocks(stmt)
    return Weave(depth, items)


def _nest(items: list[Stmt], base: int) -> list[Stmt]:
    out: list[Stmt] = []
    i = 0
    while i < len(items):
        it = items[i]
        if _is_point(it) and it.depth - 1 > base:  # type: ignore[union-attr]
            inner_base = it.depth - 1  # type: ignore[union-attr]
            j = i
            while j < len(items):
                nxt = items[j]
                if _is_point(nxt) and nxt.depth - 1 <= base:  # type: ignore[union-attr]
                    break
                j += 1
            out.append(build_weave(items[i:j], inner_base))
            i = j
        else:
            out.append(it)
            i += 1
    return out


def _walk_blocks(items: list[Stmt]) -> list[Stmt]:
    """Conditionals and sequences anywhere in these statements (not inside nested weaves)."""
    found: list[Stmt] = []
    for it in items:
        if isinstance(it, (Conditional, Sequence)):
            found.append(it)
        elif isinstance(it, (Choice, Gather)):
            found.extend(_walk_blocks(it.body))
    return found


def _nest_blocks(block: Stmt) -> None:
    """Bodies of multiline blocks are weaves of their own (they may hold choices)."""
    if isinstance(block, Conditional):
        for br in block.branches:
            _rebuild(br)
    elif isinstance(block, Sequence):
        block.elements = [[build_weave(el)] if _needs_weave(el) else el for el in block.elements]


def _needs_weave(stmts: list[Stmt]) -> bool:
    return any(_is_point(s) or isinstance(s, (Conditional, Sequence)) for s in stmts)


def _rebuild(br: Branch) -> None:
    if _needs_weave(br.body):
        br.body = [build_weave(br.body)]
