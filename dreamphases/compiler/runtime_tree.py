"""The runtime object tree the emitter builds, and its serialisation to ink's JSON format.

Diverts point at objects, not at path strings: paths are only worked out at the end, after
unnamed containers without counts have been flattened into their parents (as inklecate does), so
no stage has to predict where something will end up.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Union, cast

__all__ = ["Container", "Nop", "Ref", "to_json", "VISITS", "TURNS", "START_ONLY"]

VISITS, TURNS, START_ONLY = 1, 2, 4


@dataclass(slots=True, eq=False)
class Nop:
    """A point to divert to (serialised as "nop")."""


@dataclass(slots=True, eq=False)
class Ref:
    """An item whose JSON holds a path: `{key: path, **extra}`; `target` a Container or Nop."""

    key: str
    target: Container | Nop | None
    extra: dict[str, object] = field(default_factory=dict)


Item = Union[str, int, float, bool, dict[str, object], "Container", Nop, Ref, None]


@dataclass(slots=True, eq=False)
class Container:
    """A runtime container: its content in order, its named children, its count flags."""

    name: str | None = None
    content: list[Item] = field(default_factory=list)
    named: dict[str, Container] = field(default_factory=dict)
    flags: int = 0
    keep: bool = False  # never flatten (it is the target of a path that must stay put)

    def add(self, item: Item) -> None:
        self.content.append(item)

    def add_named(self, child: Container) -> None:
        assert child.name is not None
        self.named[child.name] = child


# The three walks below run over every item of the story (hundreds of thousands on a long story):
# `type(x) is C` instead of isinstance, since Container, Nop and Ref are never subclassed.


def _flatten(c: Container) -> None:
    new: list[Item] = []
    append = new.append
    names: set[str] | None = None  # the names directly in `c`, once a flattened child brings names
    for item in c.content:
        if type(item) is Container:
            _flatten(item)
            if item.name is None and not item.named and not item.flags and not item.keep:
                inner = [x.name for x in item.content if type(x) is Container and x.name]
                if inner:
                    # a nested weave's gather `g-0` beside the enclosing weave's `g-0`: inklecate
                    # keeps such a container, so each name still leads to one place
                    if names is None:
                        names = set(c.named) | {x.name for x in c.content if type(x) is Container and x.name}
                    if names.intersection(inner):
                        append(item)
                        continue
                    names.update(inner)
                new.extend(item.content)
                continue
        append(item)
    c.content = new
    for child in c.named.values():
        _flatten(child)


def _assign_paths(c: Container, path: str, paths: dict[int, str]) -> None:
    paths[id(c)] = path
    prefix = f"{path}." if path else ""
    for i, item in enumerate(c.content):
        kind = type(item)
        if kind is Container:
            child = cast(Container, item)
            _assign_paths(child, f"{prefix}{child.name if child.name else i}", paths)
        elif kind is Nop:
            paths[id(item)] = f"{prefix}{i}"
    for name, child in c.named.items():
        _assign_paths(child, f"{prefix}{name}", paths)


def _value_depth(value: object) -> int:
    """How deeply arrays and objects nest in `value` (0 for a string, number, bool or null)."""
    kind = type(value)
    if kind is dict:
        return 1 + max(map(_value_depth, cast(dict[str, object], value).values()), default=0)
    if kind is list:
        return 1 + max(map(_value_depth, cast(list[object], value)), default=0)
    return 0


def _object_depth(obj: dict[str, object]) -> int:
    """`_value_depth` of an object, without walking it when it holds only strings and numbers (most do)."""
    for value in obj.values():
        if type(value) is dict or type(value) is list:
            return _value_depth(obj)
    return 1


def _encode(c: Container, paths: dict[int, str], inline_name: bool) -> tuple[list[object], int]:
    """The container as a JSON array, and how deeply that array nests (so the depth that decides
    whether bink can load the story is known without scanning megabytes of text for it)."""
    out: list[object] = []
    append = out.append
    inner = 0  # the deepest value in the array so far
    for item in c.content:
        kind = type(item)
        if kind is str:  # the commonest item: control commands and text
            append(item)
        elif isinstance(item, Ref):
            obj: dict[str, object] = {item.key: paths[id(item.target)] if item.target is not None else ""}
            if item.extra:
                obj.update(item.extra)
                depth = _object_depth(obj)
                if depth > inner:
                    inner = depth
            elif not inner:
                inner = 1
            append(obj)
        elif isinstance(item, Container):
            encoded, depth = _encode(item, paths, True)
            append(encoded)
            if depth > inner:
                inner = depth
        elif isinstance(item, dict):
            depth = _object_depth(item)
            if depth > inner:
                inner = depth
            append(item)
        elif kind is Nop:
            append("nop")
        else:
            append(item)
    meta: dict[str, object] = {}
    named = 0  # the deepest named child
    for name, named_child in c.named.items():
        meta[name], depth = _encode(named_child, paths, False)
        if depth > named:
            named = depth
    if c.flags:
        meta["#f"] = c.flags
    if inline_name and c.name:
        meta["#n"] = c.name
    if meta:
        out.append(meta)
        if named + 1 > inner:
            inner = named + 1
    else:
        out.append(None)
    return out, inner + 1


def to_json(root: Container, list_defs: dict[str, dict[str, int]]) -> tuple[str, dict[int, str], int]:
    """The story as ink JSON, the runtime path of every container and nop (by object id), and how
    deeply the JSON nests."""
    _flatten(root)
    paths: dict[int, str] = {}
    _assign_paths(root, "", paths)
    encoded, depth = _encode(root, paths, False)
    doc = {"inkVersion": 21, "root": encoded, "listDefs": list_defs}
    depth = 1 + max(depth, _value_depth(list_defs))
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")), paths, depth
