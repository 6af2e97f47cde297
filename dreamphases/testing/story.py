"""Stories prepared for testing: visit counting for coverage, on the compiled JSON.

Loading itself is `dreamphases.loader` (re-exported here for the test tools): one loader, keyed by
every source file, so an edited INCLUDE is recompiled.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from dreamphases.compiler.graph import StoryGraph
from dreamphases.loader import LoadedStory, StoryProblem, load_story

__all__ = ["CountFlags", "LoadedStory", "StoryProblem", "branch_id", "choice_id", "count_flags",
           "is_branch_id", "is_choice_id", "is_node_id", "load_story"]


# -- visit counting -------------------------------------------------------------------------------

def _named(container: Any) -> dict[str, Any]:
    if isinstance(container, list) and container and isinstance(container[-1], dict):
        return container[-1]
    return {}


def _set_count_flag(container: Any) -> bool:
    """Turn on the 'count visits' flag (bit 1) of a container, in place; True if it was off."""
    if not isinstance(container, list) or not container:
        return False
    meta = container[-1]
    if meta is None:
        meta = container[-1] = {}
    elif not isinstance(meta, dict):
        container.append({})
        meta = container[-1]
    flags = int(meta.get("#f", 0))
    meta["#f"] = flags | 1
    return not flags & 1


def _find_label(container: Any, name: str, prefix: str) -> str | None:
    """The runtime path of a named container `name` somewhere under `container` (labels live in weaves)."""
    if not isinstance(container, list):
        return None
    named = _named(container)
    if isinstance(named.get(name), list):
        return f"{prefix}.{name}"
    for key, child in named.items():
        if isinstance(child, list) and not key.startswith("#"):
            found = _find_label(child, name, f"{prefix}.{key}")
            if found:
                return found
    for i, child in enumerate(container[:-1] if named or container[-1] is None else container):
        if isinstance(child, list):
            found = _find_label(child, name, f"{prefix}.{i}")
            if found:
                return found
    return None


def _resolve(root: list[Any], runtime_path: str) -> tuple[list[Any], int | str] | None:
    """(parent, key) of the container at a runtime path, so its flags can be changed in place."""
    parent: Any = root
    parts = runtime_path.split(".")
    for n, part in enumerate(parts):
        holder = parent if part.isdigit() else _named(parent)
        key: int | str = int(part) if part.isdigit() else part
        try:
            child = holder[key]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return None
        if n == len(parts) - 1:
            return holder, key  # type: ignore[return-value]
        parent = child
    return None


#: what a count flag we may turn on is written as while the template is cut (never a real flag value)
_MARK = 10**15
_MARKED = re.compile(r'(?<="#f": )(1000000\d{9})')

#: what a newline token outside functions' bodies is written as in the template (`CountFlags`), so that
#: the copy with line breaks and the copy without are each one `str.replace` away; never a string a story
#: holds (its texts start with `^`, its names are identifiers), and as a JSON token with both its quotes
#: unescaped it can only be a whole string, never a part of one
_BREAK = "\u0000break"
_BREAK_TOKEN = '"\\u0000break"'


@dataclass(frozen=True, slots=True)
class CountFlags:
    """The compiled story as text cut around the count flags coverage may turn on, so that a copy
    counting visits at any subset of them is spliced together from strings.

    Re-flagging by parsing the JSON would build tens of MB of objects for a big story, and in a
    worker that memory is not given back (the allocator keeps it): the explorer narrows its counting
    several times per process, so it splices instead."""

    #: the text between the flags (one more than `slots`)
    chunks: tuple[str, ...]
    #: (runtime path, the container's own flags) of each flag, in text order
    slots: tuple[tuple[str, int], ...]

    def text(self, counting: Collection[str], line_breaks: bool = True) -> str:
        """The story JSON counting visits at these runtime paths (besides what it counts itself).

        **Without `line_breaks`**, every newline token outside a function's body is the control
        command `nop` instead. Why: at every line of output the runtime takes a snapshot of its state
        (to look ahead for glue that would remove the newline), and blade-ink's snapshot clones the
        whole table of visit and turn counts and the variables (inkle's runtimes record a patch
        instead). On the generated 20,000-line story that was most of the runtime's time: bink alone
        made about 6,100 choices per CPU second on the story as compiled and 20,700 on this copy (inkjs:
        about 8,900), with the same choices made. With no newline in the output no snapshot is taken,
        and `Continue` runs straight to the next choice point.

        `nop` keeps every container's length, so every path, divert, visit count and saved state is
        the same in both copies, and a state saved from one loads into the other. What changes is only
        what depends on line boundaries: the text (run together), each `Continue`'s tags (a passage's
        all at once), how many lines were shown, and when a runaway story runs into a budget per line.
        The explorer (`Walker`) plays this copy and takes each of those from the faithful one.

        Newlines in a function's body are kept: a function's output can be captured into a string
        (`"{f()}"`, a choice's text), where the newline is part of a value the story may compare or
        show. The tokens are told apart on the parsed story (`_mark_breaks`), never by searching text.
        """
        parts = [self.chunks[0]]
        for (path, flags), chunk in zip(self.slots, self.chunks[1:], strict=True):
            parts.append(str(flags | 1 if path in counting else flags))
            parts.append(chunk)
        return "".join(parts).replace(_BREAK_TOKEN, '"\\n"' if line_breaks else '"nop"')


def count_flags(json_text: str, graph: StoryGraph | None) -> tuple[CountFlags, dict[str, str], set[str]]:
    """Make the runtime count visits to every knot and stitch, for coverage.

    inkle's compilers only count visits where the story reads them, so `get_visit_count_at_path_string`
    says 0 for most knots. Turning the flag on changes nothing the story can observe (it cannot read a
    count it never references). Returns (the story cut around the flags we may add, node id -> runtime
    path, runtime paths whose flag we added — the explorer leaves those out of its state hash so they
    do not split states).
    """
    try:
        data = json.loads(json_text.lstrip("\ufeff"))
    except ValueError:  # not JSON at all: leave it to the runtime to say so
        return CountFlags((json_text,), ()), {}, set()
    root = data.get("root") if isinstance(data, dict) else None
    if not isinstance(root, list):
        return CountFlags((json_text,), ()), {}, set()
    top = _named(root)
    ids: list[str] = []
    labels: set[str] = set()
    if graph is not None:
        labels = {n.id for n in graph.nodes.values() if n.kind == "label"}
        ids = [n.id for n in graph.nodes.values() if n.kind in ("knot", "stitch", "label") and n.id]
    else:  # no graph (a .json story): knots and stitches from the JSON itself
        for knot, body in top.items():
            if knot.startswith("#") or knot == "global decl" or not isinstance(body, list):
                continue
            ids.append(knot)
            ids += [f"{knot}.{s}" for s, c in _named(body).items()
                    if isinstance(c, list) and not s.startswith("#") and s[:2] not in ("c-", "g-")]
    paths: dict[str, str] = {}
    added: set[str] = set()
    for node_id in ids:
        runtime = node_id
        target = _resolve(root, runtime)
        if target is None and "." in node_id:
            knot_path, _, label = node_id.rpartition(".")
            owner = _resolve(root, knot_path)
            if owner is not None:
                holder, key = owner
                runtime = _find_label(holder[key], label, knot_path) or ""  # type: ignore[index]
                target = _resolve(root, runtime) if runtime else None
        if target is None:
            continue
        holder, key = target
        container = holder[key]  # type: ignore[index]
        if node_id in labels:
            # Labels are many and every counted container makes each runtime snapshot dearer (bink
            # copies the counts per line), so labels are covered only where the story counts them.
            if not _named(container).get("#f", 0) & 1:
                continue
        elif _set_count_flag(container):
            added.add(runtime)
        paths[node_id] = runtime
    # conditional branches ("?<index into graph.branches>") and choices ("*<index into graph.choices>"),
    # by the container each one's content lives in: a choice is identified by where it leads in the
    # compiled story, never by the text it displays (which interpolates, and which two choices share)
    items: list[tuple[str, str]] = []
    if graph is not None:
        items += [(branch_id(i), b.runtime_path) for i, b in enumerate(graph.branches)]
        items += [(choice_id(i), c.runtime_path) for i, c in enumerate(graph.choices)]
    for coverage_id, runtime in items:
        target = _resolve(root, runtime) if runtime else None
        if target is None:
            continue
        holder, key = target
        if _set_count_flag(holder[key]):  # type: ignore[index]
            added.add(runtime)
        paths[coverage_id] = runtime
    _mark_breaks(root)
    return _cut(data, root, added), paths, added


def _calls(root: list[Any]) -> tuple[set[str], set[str], bool]:
    """The targets of function calls (`{"f()": path}`), of divert-target values anywhere in the story,
    and whether any call goes through a variable (it may then enter any of those divert targets)."""
    functions: set[str] = set()
    targets: set[str] = set()
    through_variable = False
    stack: list[Any] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack += [item for item in node if isinstance(item, (list, dict))]
        elif isinstance(node, dict):
            call = node.get("f()")
            if isinstance(call, str):
                if node.get("var"):
                    through_variable = True
                else:
                    functions.add(call)
            target = node.get("^->")
            if isinstance(target, str):
                targets.add(target)
            stack += [value for value in node.values() if isinstance(value, (list, dict))]
    return functions, targets, through_variable


def _mark_breaks(root: list[Any]) -> None:
    """Write every newline token as `_BREAK`, in place, except in the bodies of the containers a
    function call may enter: those stay newlines in both copies (see `CountFlags.text`). A call
    through a variable may enter any divert target the story holds as a value, so those are kept too
    when the story makes such calls."""
    functions, targets, through_variable = _calls(root)
    if through_variable:
        functions |= targets
    kept: set[int] = set()
    for path in functions:
        found = _resolve(root, path)
        if found is not None:
            holder, key = found
            kept.add(id(holder[key]))  # type: ignore[index]
    stack: list[Any] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            if id(node) in kept:
                continue
            for i, item in enumerate(node):
                if item == "\n":
                    node[i] = _BREAK
                elif isinstance(item, (list, dict)):
                    stack.append(item)
        elif isinstance(node, dict):
            stack += [value for value in node.values() if isinstance(value, (list, dict))]


def _cut(data: Any, root: list[Any], added: set[str]) -> CountFlags:
    """The story's text cut at the count flags of `added` (each marked with a number no flag has)."""
    own: dict[int, tuple[str, int]] = {}
    for number, runtime in enumerate(sorted(added)):
        target = _resolve(root, runtime)
        assert target is not None  # it was found to be flagged
        holder, key = target
        meta = holder[key][-1]  # type: ignore[index]
        own[_MARK + number] = (runtime, int(meta["#f"]) & ~1)
        meta["#f"] = _MARK + number
    pieces = _MARKED.split(json.dumps(data, ensure_ascii=False))
    return CountFlags(tuple(pieces[0::2]), tuple(own[int(mark)] for mark in pieces[1::2]))




def branch_id(index: int) -> str:
    """The coverage id of `graph.branches[index]` (never a node id: those cannot start with '?')."""
    return f"?{index}"


def is_branch_id(coverage_id: str) -> bool:
    return coverage_id.startswith("?")


def choice_id(index: int) -> str:
    """The coverage id of `graph.choices[index]`: taken once the container it leads into is entered."""
    return f"*{index}"


def is_choice_id(coverage_id: str) -> bool:
    return coverage_id.startswith("*")


def is_node_id(coverage_id: str) -> bool:
    return not coverage_id.startswith(("?", "*"))
