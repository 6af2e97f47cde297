"""Who can observe what, read off the compiled story: from a runtime position, which visit counts and
global variables the code flow can still reach reads, and how much of each value those reads can
tell apart.

The exhaustive search merges runtime states that no later read can tell apart. The story graph says
which variables a knot reads, not *how*; the compiled JSON says exactly, one instruction at a time, and
it is what the runtime plays. So this pass walks the compiled containers once, records each one's
events (reads, writes, and the ways on: diverts, choices, calls, tunnels, nested containers flowed
into and out of), and classifies every read by the instructions around it:

* `x < 5`, `x >= 5`, `x == 5` … (a constant on either side): the read only splits values at *cuts*
  (`x < 5` splits at 5: below it, and 5 or more; `x == 5` at 5 and 6);
* a bare truth test (a conditional, `not`, a once-only choice checking whether its target was seen):
  a split at 0 and 1;
* anything else — printed, passed to a function or an `EXTERNAL`, used in arithmetic, compared with
  another variable, a sequence's own counter — observes the exact value.

What is reachable is per position (`Observers.view`): every item from the position on in its
container, what those items go to, and on out into the parent's next item; each container scanned
once, from the lowest index flow reaches it at. Writes are classified too: a variable only ever set to
constants where a state can still go keeps its cuts (a constant assignment erases any difference); any
other write there (an increment, `x = clamp(x + d, …)`) could shift a value across a cut, so the value
stays exact.

Only what is *sound* is claimed: two values are merged only when no instruction the state can still
reach distinguishes them.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

__all__ = ["EXACT", "Cuts", "Observers", "View", "classify", "observers_of"]

#: a read that observes the exact value
EXACT: frozenset[float] = frozenset({float("nan")})
Cuts = frozenset[float]
TRUTH: Cuts = frozenset({0.0, 1.0})

_COMPARE = {"<", ">", "<=", ">=", "==", "!="}
_MIRROR = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "==": "==", "!=": "!="}
_LOGIC = {"&&", "||"}
#: the top-level container the compiler puts global declarations in
_DECLARATIONS = "global decl"
#: choice point flags (ink's JSON format): a condition, once only
_ONCE_ONLY = 0x10


def _cuts_of(op: str, constant: float) -> Cuts:
    """Where `value OP constant` splits the integers: a cut t separates values below t from the rest."""
    match op:
        case "<" | ">=":
            return frozenset({constant})
        case "<=" | ">":
            return frozenset({constant + 1})
        case "==" | "!=":
            return frozenset({constant, constant + 1})
        case _:
            return EXACT


def classify(value: object, cuts: Cuts, drift: int = 0) -> object:
    """The class of `value` under `cuts`: the values no read with those cuts can tell apart share it.

    Integers (and booleans, as 0 and 1) are split by the cuts; anything else is its own class. With a
    `drift` (writes that may still come only raise the value: +1, or only lower it: -1), only the
    values past every cut in that direction share a class — they stay past it — and the others keep
    their value."""
    if cuts is EXACT or EXACT <= cuts:
        return value
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, int):
        ordered = sorted(cuts)
        kind = bisect_right(ordered, value)
        if drift > 0 and kind < len(ordered) or drift < 0 and kind > 0:
            return ("=", value)
        return ("#", kind)
    return value


#: what a content item does, for the reachability walk: read a variable or a visit count (with the
#: cuts the read can tell apart), write a variable (whether with a constant), or go somewhere
#: (a divert, a choice's target, a call, a tunnel, a container flowed into: container id, index)
Event = (tuple[str, str, Cuts] | tuple[str, str, str] | tuple[str, int, int])


@dataclass(slots=True)
class _Container:
    path: str
    parent: int  # -1: the root
    #: where it sits in its parent's content (flow falls out of it to the next item); -1: reached by name only
    slot: int
    #: (content index, event), in content order
    events: list[tuple[int, Event]] = field(default_factory=list)
    size: int = 0


@dataclass(slots=True, frozen=True)
class View:
    """What the code reachable from some positions can observe: per visit count and variable, the
    cuts its reads tell apart; the variables a write there may set to something not constant; the
    containers flow may still enter (with their ancestors), whose counts may still grow."""

    counts: dict[str, Cuts]
    variables: dict[str, Cuts]
    #: variable -> how writes there may change it other than to a constant: "up" (`x += 2`), "down"
    #: (`x -= 1`), or "any" (`x = x * 2`, through a function, by reference)
    changed: dict[str, str]
    entered: frozenset[str]


@dataclass(slots=True)
class Observers:
    """The compiled story as containers of events, and what the code reachable from a runtime
    position can observe (`view`), per position: a state deep in the story no longer keeps apart what
    only earlier scenes read."""

    containers: list[_Container] = field(default_factory=list)
    #: every container path (by name and by index) -> container id
    paths: dict[str, int] = field(default_factory=dict)
    #: the story reads turn numbers (`TURNS()`, `TURNS_SINCE`): keep them in the state's identity
    turns: bool = False
    #: the story calls `RANDOM`: keep the generator's state
    random: bool = False
    #: a way on the story does not have (a target it cannot resolve): reachability is unknown, keep
    #: everything read. A divert, tunnel or call through a variable is not that: it can only go to an
    #: address the story takes as a value (`-> knot` stored or passed), and goes to each of those.
    dynamic: bool = False
    #: each global's initial value, when a constant (a state leaves out globals at their initial value)
    defaults: dict[str, object] = field(default_factory=dict)
    _views: dict[object, View] = field(default_factory=dict)

    @property
    def everywhere(self) -> View:
        """What the whole story can observe."""
        found = self._views.get("everywhere")
        if found is None:
            found = self._views["everywhere"] = self._walk([(cid, 0) for cid in range(len(self.containers))])
        return found

    def view(self, positions: Collection[tuple[str, int]]) -> View:
        """What the code reachable from these positions can observe: (container path, content index)
        pairs, index -1 for entering the container at its start (a choice's target). A position the
        story does not have, or a way on it cannot resolve anywhere, makes it the whole story's."""
        key = frozenset(positions)
        found = self._views.get(key)
        if found is not None:
            return found
        starts: list[tuple[int, int]] = []
        entered: list[int] = []
        for path, index in key:
            start = self.position(path, index)
            if start is None or self.dynamic:
                self._views[key] = self.everywhere
                return self.everywhere
            starts.append(start)
            if index < 0:
                entered.append(start[0])
        found = self._views[key] = self._walk(starts, entered)
        return found

    def position(self, path: str, index: int) -> tuple[int, int] | None:
        """(container id, content index) of a runtime position; a path to an item inside a container
        (`knot.0.29`) is that container at that index."""
        cid = self.paths.get(path)
        if cid is not None:
            return cid, max(index, 0)
        head, _, tail = path.rpartition(".")
        cid = self.paths.get(head)
        if cid is not None and tail.isdigit() and index < 0:
            return cid, int(tail)
        return None

    def _walk(self, starts: list[tuple[int, int]], entered_at: Collection[int] = ()) -> View:
        """Every event from `starts` on: each container's content from the lowest index flow can reach
        it at, on into what it goes to, and out into the parent's next item at its end."""
        containers = self.containers
        low: dict[int, int] = {}
        entered = set(entered_at)
        counts: dict[str, Cuts] = {}
        variables: dict[str, Cuts] = {}
        changed: dict[str, str] = {}
        todo = list(starts)
        while todo:
            cid, index = todo.pop()
            done = low.get(cid)
            if done is not None and done <= index:
                continue
            container = containers[cid]
            end = container.size if done is None else done
            low[cid] = index
            events = container.events
            for at in range(bisect_left(events, index, key=lambda e: e[0]), len(events)):
                where, event = events[at]
                if where >= end:
                    break
                match event:
                    case ("var", str(name), frozenset() as cuts):
                        _widen(variables, name, cuts)
                    case ("count", str(path), frozenset() as cuts):
                        _widen(counts, path, cuts)
                    case ("write", str(name), str(how)):
                        if how != "constant":
                            changed[name] = how if changed.get(name, how) == how else "any"
                    case ("go", int(target), int(start)):
                        entered.add(target)
                        todo.append((target, start))
                    case _:
                        raise AssertionError(event)
            if done is None and container.slot >= 0:
                todo.append((container.parent, container.slot + 1))
        open_paths: set[str] = set()
        for cid in entered:
            parts = containers[cid].path.split(".")
            open_paths.update(".".join(parts[:n]) for n in range(1, len(parts) + 1))
        return View(counts, variables, changed, frozenset(open_paths))

    def count_cuts(self, path: str, view: View | None = None) -> Cuts | None:
        """How much of a visit count the code in `view` (None: the whole story) can observe; None: nothing."""
        return (view or self.everywhere).counts.get(path)

    def variable_cuts(self, name: str, view: View | None = None) -> Cuts | None:
        """How much of a variable the code in `view` (None: the whole story) can observe (None:
        nothing): EXACT when a write there could move it across a cut."""
        view = view or self.everywhere
        cuts = view.variables.get(name)
        if cuts is None or cuts is EXACT:
            return cuts
        if not isinstance(self.defaults.get(name), bool | int) or view.changed.get(name, "up") == "any":
            return EXACT
        return cuts

    def variable_drift(self, name: str, view: View | None = None) -> int:
        """Which way writes the code in `view` can reach may move a variable: +1 only up, -1 only
        down, 0 not at all (only constants are assigned) — meaningful where `variable_cuts` gives cuts."""
        return {"up": 1, "down": -1}.get((view or self.everywhere).changed.get(name, ""), 0)


def _widen(table: dict[str, Cuts], key: str, cuts: Cuts) -> None:
    old = table.get(key)
    table[key] = EXACT if (old is EXACT or cuts is EXACT) else (cuts if old is None else old | cuts)


def _resolve(base: list[str], target: str) -> str:
    """An absolute container path from a path in the JSON, relative (`.^.c-0`) to `base` or not."""
    if not target.startswith("."):
        return target
    parts = list(base)
    for part in target[1:].split("."):
        if part == "^":
            if parts:
                parts.pop()
        elif part:
            parts.append(part)
    return ".".join(parts)


def _containers(content: list[Any], path: list[str], parent: int, slot: int,
                into: list[tuple[list[Any], list[str], int, int]]) -> None:
    """Every container (content, path, parent's number in `into`, slot in the parent), depth first;
    a container in its parent's content is named by its `#n` if it has one, else by its index."""
    me = len(into)
    into.append((content, path, parent, slot))
    tail = content[-1] if content and isinstance(content[-1], dict) else None
    for index, item in enumerate(content):
        if isinstance(item, list):
            named = item[-1].get("#n") if item and isinstance(item[-1], dict) else None
            _containers(item, path + [str(named if named else index)], me, index, into)
    if tail is not None:
        for key, item in tail.items():
            if isinstance(item, list):
                _containers(item, path + [key], me, -1, into)


def _is_literal(item: object) -> bool:
    return isinstance(item, int | float) and not isinstance(item, bool)


def _is_read(item: object) -> bool:
    return isinstance(item, dict) and ("VAR?" in item or "CNT?" in item)


def _read_cuts(content: list[Any], i: int) -> Cuts:
    """What the read at `content[i]` can tell apart, from the instructions around it."""
    after = content[i + 1] if i + 1 < len(content) else None
    after2 = content[i + 2] if i + 2 < len(content) else None
    before = content[i - 1] if i > 0 else None
    if _is_literal(after) and isinstance(after2, str) and after2 in _COMPARE:
        return _cuts_of(after2, float(after))  # type: ignore[arg-type]
    if _is_literal(before) and isinstance(after, str) and after in _COMPARE:
        return _cuts_of(_MIRROR[after], float(before))  # type: ignore[arg-type]
    if after == "!":
        return TRUTH
    if isinstance(after, str) and after in _LOGIC:  # `a && x`: x alone is tested for truth
        return TRUTH if (_is_read(before) or isinstance(before, bool)) else EXACT
    if _is_read(after) and isinstance(after2, str) and after2 in _LOGIC:
        return TRUTH
    if after == "/ev":  # the value left on the stack decides a conditional divert or a choice
        nxt = content[i + 2] if i + 2 < len(content) else None
        if isinstance(nxt, list) and nxt:  # `{x: …}`: the branch is a container starting with the test
            nxt = nxt[0]
        if isinstance(nxt, dict) and (nxt.get("c") is True and "->" in nxt):
            return TRUTH
        if isinstance(nxt, dict) and "*" in nxt and int(nxt.get("flg", 0)) & 1:
            return TRUTH
    return EXACT


def _write_kind(content: list[Any], i: int) -> str:
    """How the write at `content[i]` changes its variable: "constant" (`"ev", 3, "/ev", {"VAR=": x}`),
    "up" or "down" (`x = x + 2`, `x = 2 + x`, `x = x - 1`, whole literal steps), else "any"."""
    def at(k: int) -> object:
        return content[k] if 0 <= k < len(content) else None

    if at(i - 1) != "/ev":
        return "any"
    if at(i - 3) == "ev" and isinstance(at(i - 2), bool | int | float):
        return "constant"
    name = content[i]["VAR="]
    op = at(i - 2)
    if op not in ("+", "-") or at(i - 5) != "ev":
        return "any"
    first, second = at(i - 4), at(i - 3)
    if _is_variable(first, name) and _is_whole(second):
        step = second if op == "+" else -second  # type: ignore[operator]
    elif op == "+" and _is_whole(first) and _is_variable(second, name):
        step = first
    else:
        return "any"
    return "up" if step >= 0 else "down"  # type: ignore[operator]


def _is_variable(item: object, name: str) -> bool:
    return isinstance(item, dict) and item.get("VAR?") == name


def _is_whole(item: object) -> bool:
    return isinstance(item, int) and not isinstance(item, bool)


_ARITHMETIC = {"+", "-", "*", "/", "%"}


def _self_update(content: list[Any], i: int) -> bool:
    """`~ x = x + 1` (`x++`, `x -= 2` …): a read whose value only goes back into the same variable
    observes nothing by itself (the write is then not a constant one, which keeps the value exact
    wherever something else does read it)."""
    name = content[i]["VAR?"]

    def at(k: int) -> object:
        item = content[k] if 0 <= k < len(content) else None
        return item if isinstance(item, str | int | float | bool) else None

    after = (at(i - 1) == "ev" and _is_literal(at(i + 1)) and at(i + 2) in _ARITHMETIC
             and at(i + 3) == "/ev" and _writes(content[i + 4] if i + 4 < len(content) else None, name))
    before = (at(i - 2) == "ev" and _is_literal(at(i - 1)) and at(i + 1) in _ARITHMETIC
              and at(i + 2) == "/ev" and _writes(content[i + 3] if i + 3 < len(content) else None, name))
    return after or before


def _writes(item: object, name: str) -> bool:
    return isinstance(item, dict) and item.get("VAR=") == name


def observers_of(json_text: str) -> Observers:
    """Read every visit count and variable read, every variable write and every way on (diverts,
    choices, calls, tunnels) off the compiled story."""
    story = json.loads(json_text.lstrip("\ufeff"))
    found = Observers()
    root = story.get("root")
    if not isinstance(root, list):
        found.dynamic = True
        return found
    listed: list[tuple[list[Any], list[str], int, int]] = []
    _containers(root, [], -1, -1, listed)
    for cid, (content, path, parent, slot) in enumerate(listed):
        where = ".".join(path)
        found.containers.append(_Container(where, parent, slot, size=len(content)))
        found.paths.setdefault(where, cid)
        if slot >= 0 and parent >= 0:  # also by its index, however it is named
            found.paths.setdefault(".".join(listed[parent][1] + [str(slot)]), cid)
    #: every address the story takes as a value (`-> knot` stored, passed, READ_COUNT's argument): the only
    #: places a divert, tunnel or call through a variable can go, and whose count READ_COUNT can read
    taken: set[tuple[int, int]] = set()
    #: where a divert through a variable (or READ_COUNT) sits: its container's events, its index, and
    #: whether it reads a count rather than goes there
    through: list[tuple[int, int, bool]] = []
    for cid, (content, path, _, _) in enumerate(listed):
        events = found.containers[cid].events
        for i, item in enumerate(content):
            if isinstance(item, dict) and "^->" in item:
                start = found.position(_resolve(path + [str(i)], str(item["^->"])), -1)
                if start is None:
                    found.dynamic = True
                else:
                    taken.add(start)
        if path == [_DECLARATIONS]:  # runs once, before the story starts: initial values
            for i, item in enumerate(content):
                if isinstance(item, dict) and "VAR=" in item and i and isinstance(content[i - 1], bool | int | float):
                    found.defaults[str(item["VAR="])] = content[i - 1]
            continue
        where = ".".join(path)

        def go(i: int, target: str, _path: list[str] = path, _events: list[tuple[int, Event]] = events) -> None:
            start = found.position(_resolve(_path + [str(i)], target), -1)
            if start is None:  # a target the story does not have: assume it could be anywhere
                found.dynamic = True
            else:
                _events.append((i, ("go", start[0], start[1])))

        for i, item in enumerate(content):
            if isinstance(item, list):
                child = found.paths.get(".".join(path + [str(i)]))
                if child is not None:
                    events.append((i, ("go", child, 0)))
                continue
            if isinstance(item, str):
                if item == "visit":  # a sequence reads its own container's count
                    events.append((i, ("count", where, EXACT)))
                elif item in ("turn", "turns", "readc"):
                    found.turns = found.turns or item != "readc"
                    if item == "readc":  # READ_COUNT(-> target): a count read through a value
                        through.append((cid, i, True))
                elif item in ("rnd", "srnd"):
                    found.random = True
                continue
            if not isinstance(item, dict):
                continue
            if "VAR?" in item:
                if not _self_update(content, i):
                    events.append((i, ("var", str(item["VAR?"]), _read_cuts(content, i))))
            elif "CNT?" in item:
                counted = _resolve(path + [str(i)], str(item["CNT?"]))
                cid_counted = found.paths.get(counted)
                if cid_counted is not None:  # the runtime keys counts by the path with names
                    counted = found.containers[cid_counted].path
                events.append((i, ("count", counted, _read_cuts(content, i))))
            elif "VAR=" in item:
                events.append((i, ("write", str(item["VAR="]), _write_kind(content, i))))
            elif "^var" in item:  # a variable passed by reference: read and written through it
                events.append((i, ("var", str(item["^var"]), EXACT)))
                events.append((i, ("write", str(item["^var"]), "any")))
            elif item.get("var") is True and ("->" in item or "f()" in item or "->t->" in item):
                # the divert reads the variable itself (no `VAR?` before it): where it goes is its value
                held = next(str(item[key]) for key in ("->", "f()", "->t->") if key in item)
                events.append((i, ("var", held, EXACT)))
                through.append((cid, i, False))
            elif "*" in item:
                if int(item.get("flg", 0)) & _ONCE_ONLY:
                    target = _resolve(path + [str(i)], str(item["*"]))
                    cid_target = found.paths.get(target)
                    counted = found.containers[cid_target].path if cid_target is not None else target
                    events.append((i, ("count", counted, TRUTH)))
                go(i, str(item["*"]))
            else:
                for key in ("->", "f()", "->t->"):
                    if key in item:
                        go(i, str(item[key]))
                if "x()" in item and str(item["x()"]) in found.paths:  # an EXTERNAL's ink fallback
                    go(i, str(item["x()"]))
    for cid, i, reads in through:
        events = found.containers[cid].events
        for to, at in sorted(taken):
            events.append((i, ("count", found.containers[to].path, EXACT) if reads else ("go", to, at)))
        events.sort(key=lambda event: event[0])  # stable: the order within an item is kept
    return found
