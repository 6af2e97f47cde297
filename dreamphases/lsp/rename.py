"""Rename: every place a knot, stitch, label, function, variable, list item or temporary is written,
across INCLUDEd files, or the reason the new name cannot be used.

A rename that would make two things share a name (a sibling stitch, another global, a temporary
with a global's name, a keyword) is refused, so a rename never turns a working story into one that
does not compile.
"""

from __future__ import annotations

import re
from pathlib import Path

from dreamphases.compiler.builtins import UNSAFE_NAMES
from dreamphases.compiler.graph import StoryGraph
from dreamphases.lsp.symbols import Key, Place, SymbolIndex

__all__ = ["RenameRefused", "rename_places"]

_IDENT = re.compile(r"^[^\W\d]\w*$")


class RenameRefused(Exception):
    """The rename would break the story; the message says why."""


def _clash(graph: StoryGraph, index: SymbolIndex, key: Key, new: str) -> str | None:
    globals_ = set(graph.variables) | {n.id for n in graph.nodes.values() if n.kind in ("knot", "function")}
    match key.kind:
        case "node":
            node = graph.nodes[key.target]
            if node.kind in ("knot", "function"):
                return f"'{new}' is already a knot, function or variable" if new in globals_ else None
            sibling = f"{node.parent}.{new}" if node.parent else new
            if sibling in graph.nodes:
                return f"'{node.parent or 'the story'}' already has a stitch or label '{new}'"
            return None
        case "var":
            if new in globals_:
                return f"'{new}' is already a knot, function or variable"
            if any(k.kind == "temp" and k.target == new for k in index.symbols):
                return f"a temporary or parameter is already called '{new}'"
            return None
        case "item":
            lst = key.target.split(".")[0]
            if Key("item", f"{lst}.{new}") in index.symbols:
                return f"LIST {lst} already has an item '{new}'"
            return None
        case "temp":
            if new in graph.variables:
                return f"'{new}' is a global variable: a temporary may not take its name"
            if Key("temp", new, key.scope) in index.symbols:
                return f"'{key.scope}' already has a temporary or parameter '{new}'"
            return None


def rename_places(graph: StoryGraph, index: SymbolIndex, key: Key, new: str) -> dict[Path, list[Place]]:
    """Where to write `new` (each place covers exactly the old name), by file. Raises RenameRefused."""
    if key.kind == "node" and key.target not in graph.nodes:
        raise RenameRefused(f"'{key.target}' cannot be renamed")
    if not _IDENT.match(new):
        raise RenameRefused(f"'{new}' is not a name ink accepts (letters, digits and _, not starting with a digit)")
    if new in UNSAFE_NAMES:
        raise RenameRefused(f"'{new}' is reserved by ink")
    old = index.symbols[key].name if key in index.symbols else key.target.rsplit(".", 1)[-1]
    if new == old:
        return {}
    clash = _clash(graph, index, key, new)
    if clash is not None:
        raise RenameRefused(clash)
    out: dict[Path, list[Place]] = {}
    for place in index.references(key):
        out.setdefault(place.file, []).append(place)
    return out
