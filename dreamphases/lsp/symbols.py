"""What every name in a compiled story means and where it is written: the index behind go to
definition, references, rename, hover and the outline.

The compiler's graph records each resolved name (`graph.refs`) and where each knot, stitch, label,
function and variable is declared (line only). This module adds the declaration columns by finding
the name on its declaration line, and splits dotted paths (`knot.stitch.label`) so each component
points at its own knot, stitch or label.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from dreamphases.compiler.graph import Ref, StoryGraph
from dreamphases.lsp.stories import Compiled

__all__ = ["Key", "Place", "Symbol", "SymbolIndex", "find_word"]

KeyKind = Literal["node", "var", "item", "temp"]


@dataclass(frozen=True, slots=True)
class Key:
    """What a name means: a node (by id), a global/const/list (by name), a list item (`list.item`),
    or a temporary/parameter (by name, within the knot or stitch `scope`)."""

    kind: KeyKind
    target: str
    scope: str | None = None


@dataclass(frozen=True, slots=True, order=True)
class Place:
    """Where a name is written: 1-based line and column, and its length in characters."""

    file: Path
    line: int
    col: int
    length: int


@dataclass(slots=True)
class Symbol:
    key: Key
    #: the name as declared (the last component of a node id)
    name: str
    #: knot, stitch, label, function, VAR, CONST, LIST, list item, temp, parameter
    what: str
    definition: Place | None = None


@dataclass(slots=True)
class SymbolIndex:
    symbols: dict[Key, Symbol] = field(default_factory=dict)
    #: every written name: (file, line) → [(place, key)] in column order
    by_line: dict[tuple[Path, int], list[tuple[Place, Key]]] = field(default_factory=dict)
    #: key → every place it is written, declaration included
    places: dict[Key, list[Place]] = field(default_factory=dict)

    def at(self, file: Path, line: int, col: int) -> tuple[Place, Key] | None:
        """The name under the cursor (`col` 1-based; the column just past a name still counts)."""
        for place, key in self.by_line.get((file, line), []):
            if place.col <= col <= place.col + place.length:
                return place, key
        return None

    def references(self, key: Key, include_declaration: bool = True) -> list[Place]:
        symbol = self.symbols.get(key)
        out = sorted(set(self.places.get(key, [])))
        if not include_declaration and symbol is not None and symbol.definition is not None:
            out = [p for p in out if p != symbol.definition]
        return out

    def add(self, place: Place, key: Key) -> None:
        row = self.by_line.setdefault((place.file, place.line), [])
        if (place, key) in row:
            return
        bisect.insort(row, (place, key), key=lambda pk: pk[0].col)
        self.places.setdefault(key, []).append(place)

    @classmethod
    def build(cls, story: Compiled) -> SymbolIndex:
        index = cls()
        graph = story.graph
        if graph is None:
            return index
        _declare_nodes(index, story, graph)
        _declare_variables(index, story, graph)
        for ref in graph.refs:
            _add_ref(index, story, ref)
        for symbol in index.symbols.values():
            if symbol.definition is not None:
                index.add(symbol.definition, symbol.key)
        return index


def find_word(text: str, word: str, start: int = 0) -> int:
    """The 0-based index of `word` as a whole word in `text` at or after `start`, or -1."""
    at = text.find(word, start)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + len(word)] if at + len(word) < len(text) else " "
        if not (before.isalnum() or before in "_.") and not (after.isalnum() or after == "_"):
            return at
        at = text.find(word, at + 1)
    return -1


def _place(story: Compiled, name: str, line: int, word: str, after: str = "") -> Place | None:
    """`word` on a declaration line, searched after the first match of the regex `after`."""
    path = story.path_of(name)
    text = story.line(path, line)
    start = 0
    if after:
        m = re.search(after, text)
        start = m.end() if m else 0
    at = find_word(text, word, start)
    if at < 0:
        return None
    return Place(path, line, at + 1, len(word))


_NODE_WHAT = {"knot": "knot", "stitch": "stitch", "label": "label", "function": "function"}


def _declare_nodes(index: SymbolIndex, story: Compiled, graph: StoryGraph) -> None:
    for node in graph.nodes.values():
        if node.kind == "root":
            continue
        key = Key("node", node.id)
        after = {"knot": r"^\s*=+\s*", "function": r"^\s*=+\s*function\s+", "stitch": r"^\s*=\s*",
                 "label": r"\(\s*(?=" + re.escape(node.name) + r"\s*\))"}[node.kind]
        index.symbols[key] = Symbol(key, node.name, _NODE_WHAT[node.kind],
                                    _place(story, node.file, node.line, node.name, after))


def _declare_variables(index: SymbolIndex, story: Compiled, graph: StoryGraph) -> None:
    for var in graph.variables.values():
        if var.kind not in ("var", "const", "list"):
            continue
        key = Key("var", var.name)
        keyword = {"var": "VAR", "const": "CONST", "list": "LIST"}[var.kind]
        index.symbols[key] = Symbol(key, var.name, keyword,
                                    _place(story, var.file, var.line, var.name, rf"^\s*{keyword}\s+"))
        if var.kind == "list":
            for item in (i.strip().strip("()").strip() for i in var.initial.split(",")):
                if not item:
                    continue
                ikey = Key("item", f"{var.name}.{item}")
                index.symbols[ikey] = Symbol(ikey, item, f"item of LIST {var.name}",
                                             _place(story, var.file, var.line, item, r"="))


def _add_ref(index: SymbolIndex, story: Compiled, ref: Ref) -> None:
    path = story.path_of(ref.file)
    if ref.kind == "temp":
        key = Key("temp", ref.target, ref.scope)
        index.add(Place(path, ref.line, ref.col, len(ref.name)), key)
        if key not in index.symbols:
            index.symbols[key] = _temp_symbol(story, key)
        return
    written = ref.name.split(".")
    if ref.kind == "node":
        target = ref.target.split(".")
        offset = len(target) - len(written)
        keys = [Key("node", ".".join(target[:offset + j + 1])) for j in range(len(written))] if offset >= 0 \
            else [Key("node", ref.target)]
    elif ref.kind == "item":
        keys = [Key("item", ref.target)] if len(written) == 1 else [
            Key("var", ref.target.split(".")[0]), Key("item", ref.target)]
    else:
        keys = [Key("var", ref.target)]
    if len(keys) != len(written):
        index.add(Place(path, ref.line, ref.col, len(ref.name)), keys[-1])
        return
    col = ref.col
    for part, key in zip(written, keys, strict=True):
        index.add(Place(path, ref.line, col, len(part)), key)
        col += len(part) + 1


def _temp_symbol(story: Compiled, key: Key) -> Symbol:
    """A temporary is declared by its first `~ temp name =`; otherwise it is a knot's or stitch's parameter."""
    graph = story.graph
    assert graph is not None
    for ref in graph.refs:
        if ref.kind == "temp" and ref.target == key.target and ref.scope == key.scope:
            text = story.line(story.path_of(ref.file), ref.line)
            if re.search(r"\btemp\s+$", text[:ref.col - 1]):
                return Symbol(key, key.target, "temp", Place(story.path_of(ref.file), ref.line, ref.col,
                                                             len(key.target)))
    node = graph.nodes.get(key.scope or "")
    while node is not None:
        if any(p.removeprefix("ref ") == key.target for p in node.params):
            return Symbol(key, key.target, f"parameter of {node.id}",
                          _place(story, node.file, node.line, key.target, r"\("))
        node = graph.nodes.get(node.parent) if node.parent else None
    return Symbol(key, key.target, "temp")
