"""Completion: what may be written at the cursor, from the compiled story.

After `->` or `<-`: divert targets (knots, then the current knot's stitches and labels, `END`,
`DONE`; after `knot.` the knot's own stitches and labels). Inside `{…}` and on `~` lines:
variables, constants, lists and their items, the temporaries and parameters in scope, functions
and ink's built-in functions. After `#`: the tag vocabulary (`dreamphases.tags`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from dreamphases.compiler.builtins import BUILTINS
from dreamphases.compiler.graph import Node, StoryGraph
from dreamphases.lsp.stories import Compiled
from dreamphases.lsp.symbols import SymbolIndex
from dreamphases.tags import TAGS

__all__ = ["Item", "complete", "flow_at"]

_DIVERT = re.compile(r"(?:->|<-)\s*([\w.]*)$")
_TAG = re.compile(r"#\s*([\w-]*)$")


@dataclass(frozen=True, slots=True)
class Item:
    label: str
    #: knot, stitch, label, function, VAR, CONST, LIST, list item, temp, parameter, built-in, tag, end
    what: str
    detail: str = ""


def flow_at(graph: StoryGraph, file: str, line: int) -> tuple[Node | None, Node | None]:
    """The knot (or function) and stitch the given line is in, if any."""
    knot: Node | None = None
    stitch: Node | None = None
    for node in sorted((n for n in graph.nodes.values() if n.file == file), key=lambda n: n.line):
        if node.line > line:
            break
        if node.kind in ("knot", "function"):
            knot, stitch = node, None
        elif node.kind == "stitch":
            stitch = node
    return knot, stitch


def _open_brace(before: str) -> bool:
    depth = 0
    for ch in before:
        if ch == "{":
            depth += 1
        elif ch == "}" and depth:
            depth -= 1
    return depth > 0


def complete(story: Compiled, index: SymbolIndex, path: Path, line: int, before: str) -> list[Item]:
    """Items for the cursor at 1-based `line`, with `before` the text of the line left of the cursor."""
    graph = story.graph
    name = story.name_of(path)
    if graph is None or name is None:
        return []
    knot, stitch = flow_at(graph, name, line)
    divert = _DIVERT.search(before)
    if divert is not None:
        return _targets(graph, divert.group(1), knot, stitch)
    in_logic = _open_brace(before) or before.lstrip().startswith("~")
    tag = _TAG.search(before)
    if tag is not None and not in_logic:
        return [Item(t.key, "tag", t.doc) for t in TAGS.values()]
    if in_logic:
        return _values(graph, index, knot, stitch)
    return []


def _children(graph: StoryGraph, parent: str) -> list[Item]:
    return [Item(n.name, n.kind, n.id) for n in graph.nodes.values() if n.parent == parent and n.kind != "root"]


def _targets(graph: StoryGraph, typed: str, knot: Node | None, stitch: Node | None) -> list[Item]:
    if "." in typed:
        head = typed.rsplit(".", 1)[0]
        if knot is not None and f"{knot.id}.{head}" in graph.nodes:
            head = f"{knot.id}.{head}"  # a stitch of the current knot, written without its knot
        return _children(graph, head) if head in graph.nodes else []
    items = [Item(n.id, n.kind, f"{n.file}:{n.line}") for n in graph.nodes.values() if n.kind == "knot"]
    for flow in (knot, stitch):
        if flow is not None:
            items += [i for i in _children(graph, flow.id) if i.label not in {x.label for x in items}]
    items += [Item("END", "end", "the story ends here"), Item("DONE", "end", "this flow is done")]
    return items


def _values(graph: StoryGraph, index: SymbolIndex, knot: Node | None, stitch: Node | None) -> list[Item]:
    items: list[Item] = []
    for var in graph.variables.values():
        keyword = {"var": "VAR", "const": "CONST", "list": "LIST"}.get(var.kind, var.kind)
        items.append(Item(var.name, keyword, f"{keyword} {var.name} = {var.initial}".rstrip(" =")))
    for key, symbol in index.symbols.items():
        if key.kind == "item":
            items.append(Item(symbol.name, "list item", key.target))
        elif key.kind == "temp" and key.scope in {f.id for f in (knot, stitch) if f is not None}:
            items.append(Item(key.target, "parameter" if symbol.what.startswith("parameter") else "temp",
                              symbol.what))
    for fname, params in graph.functions.items():
        items.append(Item(fname, "function", f"{fname}({', '.join(params)})"))
    items += [Item(b, "built-in", f"ink's {b}()") for b in BUILTINS]
    return list({(i.label, i.what): i for i in items}.values())
