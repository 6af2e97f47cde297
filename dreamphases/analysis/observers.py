"""Who can observe what, read off the compiled story: for every visit count and global variable, the
knots whose code reads it, and how much of its value each read can tell apart.

The exhaustive search merges runtime states that no later read can tell apart. The story graph says
which variables a knot reads, not *how*; the compiled JSON says exactly, one instruction at a time, and
it is what the runtime plays. So this pass walks the compiled containers once and classifies every
read by the instructions around it:

* `x < 5`, `x >= 5`, `x == 5` … (a constant on either side): the read only splits values at *cuts*
  (`x < 5` splits at 5: below it, and 5 or more; `x == 5` at 5 and 6);
* a bare truth test (a conditional, `not`, a once-only choice checking whether its target was seen):
  a split at 0 and 1;
* anything else — printed, passed to a function or an `EXTERNAL`, used in arithmetic, compared with
  another variable, a sequence's own counter — observes the exact value.

A knot's code is itself plus the functions it calls, which `reach` (knot-level, from the story graph)
already includes. Writes are classified too: a variable only ever set to constants where a state can
still go keeps its cuts (a constant assignment erases any difference); any other write there (an
increment, `x = clamp(x + d, …)`) could shift a value across a cut, so the value stays exact.

Only what is *sound* is claimed: two values are merged only when no instruction the state can still
reach distinguishes them.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

__all__ = ["EXACT", "Cuts", "Observers", "classify", "observers_of"]

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


def classify(value: object, cuts: Cuts) -> object:
    """The class of `value` under `cuts`: the values no read with those cuts can tell apart share it.

    Integers (and booleans, as 0 and 1) are split by the cuts; anything else is its own class."""
    if cuts is EXACT or EXACT <= cuts:
        return value
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, int):
        return ("#", bisect_right(sorted(cuts), value))
    return value


@dataclass(slots=True)
class Observers:
    """For each visit count (by container path) and each global, the knots that read it and the cuts
    their reads can tell apart; which knots write a variable, and whether only with constants."""

    counts: dict[str, dict[str, Cuts]] = field(default_factory=dict)
    variables: dict[str, dict[str, Cuts]] = field(default_factory=dict)
    #: variable -> knot -> True when every write there assigns a constant
    writes: dict[str, dict[str, bool]] = field(default_factory=dict)
    #: the story reads turn numbers (`TURNS()`, `TURNS_SINCE`): keep them in the state's identity
    turns: bool = False
    #: the story calls `RANDOM`: keep the generator's state
    random: bool = False
    #: a divert or call through a variable somewhere: reachability is unknown, keep everything read
    dynamic: bool = False
    #: each global's initial value, when a constant (a state leaves out globals at their initial value)
    defaults: dict[str, object] = field(default_factory=dict)
    #: the knots whose code the analysis saw (top-level containers; "" for the story's top)
    knots: set[str] = field(default_factory=set)

    def count_cuts(self, path: str, reachable: frozenset[str] | set[str] | None) -> Cuts | None:
        """How much of a visit count the knots in `reachable` (None: every knot) can observe; None: nothing."""
        return self._cuts(self.counts.get(path), reachable)

    def variable_cuts(self, name: str, reachable: frozenset[str] | set[str] | None) -> Cuts | None:
        """How much of a variable the knots in `reachable` can observe (None: nothing): EXACT when a
        write there could move it across a cut."""
        cuts = self._cuts(self.variables.get(name), reachable)
        if cuts is None or cuts is EXACT:
            return cuts
        if not isinstance(self.defaults.get(name), bool | int):
            return EXACT
        for knot, constant in self.writes.get(name, {}).items():
            if not constant and (reachable is None or knot in reachable):
                return EXACT
        return cuts

    def _cuts(self, readers: dict[str, Cuts] | None, reachable: frozenset[str] | set[str] | None) -> Cuts | None:
        if not readers:
            return None
        found: set[float] = set()
        any_reader = False
        for knot, cuts in readers.items():
            if reachable is None or knot in reachable or self.dynamic:
                if cuts is EXACT:
                    return EXACT
                any_reader = True
                found |= cuts
        return frozenset(found) if any_reader else None


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


def _containers(content: list[Any], path: list[str]) -> Iterator[tuple[list[Any], list[str]]]:
    """Every container (its content list and path), depth first."""
    yield content, path
    tail = content[-1] if content and isinstance(content[-1], dict) else None
    for index, item in enumerate(content):
        if isinstance(item, list):
            named = item[-1].get("#n") if item and isinstance(item[-1], dict) else None
            yield from _containers(item, path + [str(named if named else index)])
    if tail is not None:
        for key, item in tail.items():
            if isinstance(item, list):
                yield from _containers(item, path + [key])


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


def _is_constant_write(content: list[Any], i: int) -> bool:
    """`"ev", constant, "/ev", {"VAR=": x}`: the value assigned is a constant."""
    return (i >= 3 and content[i - 1] == "/ev" and content[i - 3] == "ev"
            and isinstance(content[i - 2], bool | int | float))


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


def _add(table: dict[str, dict[str, Cuts]], key: str, knot: str, cuts: Cuts) -> None:
    readers = table.setdefault(key, {})
    old = readers.get(knot)
    if old is EXACT or cuts is EXACT:
        readers[knot] = EXACT
    else:
        readers[knot] = cuts if old is None else old | cuts


def observers_of(json_text: str) -> Observers:
    """Read every visit count and variable read (and every variable write) off the compiled story."""
    story = json.loads(json_text.lstrip("\ufeff"))
    found = Observers()
    root = story.get("root")
    if not isinstance(root, list):
        found.dynamic = True
        return found
    for content, path in _containers(root, []):
        knot = "" if not path or path[0].isdigit() else path[0]
        where = ".".join(path)
        if knot == _DECLARATIONS:  # runs once, before the story starts: initial values
            for i, item in enumerate(content):
                if isinstance(item, dict) and "VAR=" in item and i and isinstance(content[i - 1], bool | int | float):
                    found.defaults[str(item["VAR="])] = content[i - 1]
            continue
        found.knots.add(knot)
        for i, item in enumerate(content):
            if isinstance(item, str):
                if item == "visit":  # a sequence reads its own container's count
                    _add(found.counts, where, knot, EXACT)
                elif item in ("turn", "turns", "readc"):
                    found.turns = found.turns or item != "readc"
                    if item == "readc":  # READ_COUNT(-> target): a count read through a value
                        found.dynamic = True
                elif item in ("rnd", "srnd"):
                    found.random = True
                continue
            if not isinstance(item, dict):
                continue
            if "VAR?" in item:
                if _self_update(content, i):
                    continue
                _add(found.variables, str(item["VAR?"]), knot, _read_cuts(content, i))
            elif "CNT?" in item:
                _add(found.counts, _resolve(path + [str(i)], str(item["CNT?"])), knot, _read_cuts(content, i))
            elif "VAR=" in item:
                writes = found.writes.setdefault(str(item["VAR="]), {})
                writes[knot] = writes.get(knot, True) and _is_constant_write(content, i)
            elif "^var" in item:  # a variable passed by reference: read and written through it
                _add(found.variables, str(item["^var"]), knot, EXACT)
                found.writes.setdefault(str(item["^var"]), {})[knot] = False
            elif "*" in item and int(item.get("flg", 0)) & _ONCE_ONLY:
                _add(found.counts, _resolve(path + [str(i)], str(item["*"])), knot, TRUTH)
            elif item.get("var") is True and ("->" in item or "f()" in item or "->t->" in item):
                found.dynamic = True
    return found
