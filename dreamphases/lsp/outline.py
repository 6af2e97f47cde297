"""The outline of a file (knots, stitches, functions, labels, declarations) and workspace symbol search."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dreamphases.lsp.stories import Compiled
from dreamphases.lsp.symbols import Key, Place, SymbolIndex

__all__ = ["OutlineItem", "outline", "search"]


@dataclass(slots=True)
class OutlineItem:
    name: str
    #: knot, stitch, function, label, VAR, CONST, LIST
    what: str
    #: the whole section: from its header to the line before the next header at its level or above
    first_line: int
    last_line: int
    name_at: Place
    children: list[OutlineItem] = field(default_factory=list)


_LEVEL = {"knot": 1, "function": 1, "stitch": 2, "label": 3}


def outline(story: Compiled, index: SymbolIndex, path: Path) -> list[OutlineItem]:
    """What `path` declares, nested knot → stitch → label, in source order."""
    graph = story.graph
    name = story.name_of(path)
    if graph is None or name is None:
        return []
    last = max(len(story.lines.get(path, [])), 1)
    top: list[OutlineItem] = []
    for var in graph.variables.values():
        symbol = index.symbols.get(Key("var", var.name))
        if var.file == name and symbol is not None and symbol.definition is not None:
            top.append(OutlineItem(var.name, symbol.what, var.line, var.line, symbol.definition))
    nodes = sorted((n for n in graph.nodes.values() if n.file == name and n.kind in _LEVEL),
                   key=lambda n: n.line)
    stack: list[tuple[int, OutlineItem]] = []
    for i, node in enumerate(nodes):
        symbol = index.symbols.get(Key("node", node.id))
        at = symbol.definition if symbol is not None and symbol.definition else Place(path, node.line, 1, 0)
        level = _LEVEL[node.kind]
        end = last
        for later in nodes[i + 1:]:
            if _LEVEL[later.kind] <= level:
                end = max(node.line, later.line - 1)
                break
        if node.kind == "label":
            end = node.line
        while end > node.line and not story.line(path, end).strip():
            end -= 1  # blank lines between sections belong to neither
        item = OutlineItem(node.name, symbol.what if symbol else node.kind, node.line, end, at)
        while stack and stack[-1][0] >= level:
            stack.pop()
        (stack[-1][1].children if stack else top).append(item)
        stack.append((level, item))
    top.sort(key=lambda it: it.first_line)
    return top


def _matches(query: str, name: str) -> bool:
    """Every character of the query, in order, case-insensitively (the usual fuzzy symbol search)."""
    rest = iter(name.lower())
    return all(ch in rest for ch in query.lower())


def search(indexes: list[SymbolIndex], query: str, limit: int = 500) -> list[tuple[str, str, Place]]:
    """(full name, what, place) of every declared knot, stitch, label, function and global matching `query`."""
    out: list[tuple[str, str, Place]] = []
    seen: set[tuple[str, Place]] = set()
    for index in indexes:
        for key, symbol in index.symbols.items():
            if key.kind == "temp" or symbol.definition is None:
                continue
            if not _matches(query, key.target):
                continue
            row = (key.target, symbol.definition)
            if row not in seen:
                seen.add(row)
                out.append((key.target, symbol.what, symbol.definition))
    out.sort(key=lambda r: (len(r[0]), r[0]))
    return out[:limit]
