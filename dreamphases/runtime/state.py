"""What DreamPhases reads from the runtime's saved state (bink's `save_state()` JSON), in one place.

The state format belongs to the runtime (inkle's format, as blade-ink writes it). Everything that
must look inside it — the story seed, where the story is, how deep its call stack is, and a hash
that says whether two states play the same from here on — is written here, so a change of runtime
or of its format is a change to this module only.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["call_depth", "canonical_hash", "canonical_state", "counts_and_variables", "drop_variables",
           "keep_visit_counts", "knot_of", "named_path", "parse_state", "position",
           "replace_counts_and_variables", "split_state", "StateParts", "state_digest", "state_digests", "state_knots",
           "state_positions", "state_text", "take_visit_counts", "text_knots", "variable_names", "visit_counts",
           "with_seed"]

_GENERATED = re.compile(r"\d+|[cgb]-\d+|b|s\d*")
_THREAD_KEYS = ("threadIndex", "originalThreadIndex")


def with_seed(state_text: str, seed: int) -> str:
    """The state with RANDOM and shuffles seeded by `seed` (bink has no setter; the seed lives in the state)."""
    state = json.loads(state_text)
    state["storySeed"] = int(seed)
    state["previousRandom"] = 0
    return json.dumps(state)


def named_path(runtime_path: str, parts: int | None = None) -> str:
    """A runtime path as the writer names it: `knot.stitch.0.g-1` → `knot.stitch`, `0.l` → `l`.

    Numeric and generated parts (`c-0`, `g-1`, `s`) are the compiler's, not the writer's. With `parts`, the
    path stops at the first generated part and keeps at most that many names (`knot.stitch`)."""
    named: list[str] = []
    for part in runtime_path.split("."):
        if not part or _GENERATED.fullmatch(part):
            if parts is not None:
                break
            continue
        named.append(part)
    return ".".join(named if parts is None else named[:parts])


_COUNTS = ',"visitCounts":'
#: `json.dumps(value, separators=(",", ":"))` with the encoder built once (`dumps` builds one per call
#: when given separators, a good part of the cost of writing a small state)
_compact = json.JSONEncoder(separators=(",", ":")).encode


def _without_counts(state_text: str) -> dict[str, Any]:
    """The state parsed without its visit counts, when only the rest is wanted.

    The counts are most of a deep state (a thousand entries on a 20,000-line story) and bink writes
    them last (its keys are sorted), so cutting them off before parsing makes reading the position or
    the variables at every choice point several times cheaper. Anything unexpected (another writer,
    a key order that differs) falls back to parsing the whole state."""
    cut = state_text.rfind(_COUNTS)
    if cut > 0 and state_text.endswith("}"):
        try:
            parsed: dict[str, Any] = json.loads(state_text[:cut] + "}")
            return parsed
        except ValueError:
            pass
    whole: dict[str, Any] = json.loads(state_text)
    return whole


def _current_thread(state: dict[str, Any]) -> dict[str, Any]:
    flows = state["flows"]
    flow = flows.get(state.get("currentFlowName", "")) or next(iter(flows.values()))
    thread: dict[str, Any] = flow["callstack"]["threads"][-1]
    return thread


def position(state_text: str) -> str:
    """Where the story is, as `knot` or `knot.stitch` ("" at the top, before any knot).

    bink's current path is empty at a choice point, so this reads the last content the runtime
    visited from the state."""
    try:
        path = str(_current_thread(_without_counts(state_text)).get("previousContentObject", ""))
    except (KeyError, ValueError, StopIteration, IndexError, TypeError, AttributeError):
        return ""
    return named_path(path, parts=2)


def snapshot(state_text: str) -> tuple[str, dict[str, object]]:
    """`position`, and the global variables whose value differs from the story's initial one (the
    state keeps only those), read from one saved state: cheaper than asking the runtime once per
    variable. Values are as the state stores them (numbers and booleans as themselves)."""
    try:
        data = _without_counts(state_text)
        path = str(_current_thread(data).get("previousContentObject", ""))
        changed = data.get("variablesState", {})
    except (KeyError, ValueError, StopIteration, IndexError, TypeError, AttributeError):
        return "", {}
    return named_path(path, parts=2), dict(changed) if isinstance(changed, dict) else {}


def call_depth(state_text: str) -> tuple[int, str]:
    """(frames on the current call stack, the innermost frame's container as the writer names it)."""
    try:
        frames = _current_thread(_without_counts(state_text))["callstack"]
    except (KeyError, ValueError, StopIteration, IndexError, TypeError, AttributeError):
        return 0, ""
    top = frames[-1].get("cPath", "") if frames else ""
    return len(frames), named_path(str(top))


def _renumber_threads(flow: dict[str, Any]) -> None:
    """Thread numbers only grow; renumber them in order of appearance (the call stack's threads, the
    pending choices, then the threads kept for those choices) so equal states hash equal.

    The numbers sit only on threads and choices, so only those are visited, in place (the state was
    just parsed): a walk over every frame cost a third of a state's key."""
    mapping: dict[str, int] = {}

    def num(value: object) -> int:
        return mapping.setdefault(str(value), len(mapping))

    def renumber(node: Any) -> None:
        if isinstance(node, dict):
            for key in _THREAD_KEYS:
                if key in node:
                    node[key] = num(node[key])

    callstack = flow.get("callstack", {})
    callstack.pop("threadCounter", None)
    for thread in callstack.get("threads", []):
        renumber(thread)
    for choice in flow.get("currentChoices", []):
        renumber(choice)
    threads = flow.get("choiceThreads") or {}
    renamed: dict[str, Any] = {}
    for key, thread in sorted(threads.items(), key=lambda kv: mapping.get(kv[0], 1 << 30)):
        name = str(num(key))
        renumber(thread)
        renamed[name] = thread
    flow["choiceThreads"] = renamed
    flow.pop("outputStream", None)


def canonical_state(state_text: str, visit_bound: int, ignore: Collection[str] = (),
                    keep_turns: bool = False) -> dict[str, Any]:
    """The state as `canonical_hash` sees it (the explorer drops more from it before `state_digest`).

    Kept: call stack, pending choices, variables, and visit counts clamped to `visit_bound` (so a
    loop that only raises counts ends). Dropped: the output buffer, turn indices (unless
    `keep_turns`: a story that reads `TURNS_SINCE` or `TURNS()` can observe them), thread numbering,
    and the visit counts of the containers named in `ignore` (counters added for coverage)."""
    data: dict[str, Any] = json.loads(state_text)
    data["visitCounts"] = {k: min(int(v), visit_bound) for k, v in data.get("visitCounts", {}).items()
                           if k not in ignore}
    if not keep_turns:
        for key in ("turnIndices", "turnIdx"):
            data.pop(key, None)
    for flow in data.get("flows", {}).values():
        _renumber_threads(flow)
    return data


def state_digest(data: dict[str, Any]) -> bytes:
    text = json.dumps(data, sort_keys=True, separators=(",", ":"))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


_VARYING = ("visitCounts", "variablesState", "previousRandom")
#: one encoder for every digest: building one per call cost as much as encoding a small dict
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), default=str)


def state_digests(data: dict[str, Any], versions: Sequence[tuple[dict[str, Any], dict[str, Any], bool]]) -> list[bytes]:
    """Digests of a parsed state with each version of (visit counts, variables, keep RANDOM's state)
    in place of its own: the rest of the state (call stacks, choices) is encoded once for all of them.
    Equal inputs give equal digests, different ones different (not the digests `state_digest` gives)."""
    encode = _CANONICAL.encode
    rest = encode({k: v for k, v in data.items() if k not in _VARYING})
    random = encode(data.get("previousRandom"))
    found: list[bytes] = []
    for counts, variables, keep_random in versions:
        text = "\x00".join((rest, encode(counts), encode(variables), random if keep_random else ""))
        found.append(hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest())
    return found


def canonical_hash(state_text: str, visit_bound: int, ignore: Collection[str] = ()) -> bytes:
    """A 16-byte digest equal for states that play the same from here on (see `canonical_state`)."""
    return state_digest(canonical_state(state_text, visit_bound, ignore))


def visit_counts(state_text: str) -> dict[str, int]:
    """Every container's visit count in one read (cheaper than asking the runtime path by path)."""
    return take_visit_counts(state_text, ())[0]


def take_visit_counts(text: str, drop: Collection[str]) -> tuple[dict[str, int], str | None]:
    """(every visit count in the state, the state without the counts at the paths in `drop`, or None
    when it has none of them).

    Only the counts are parsed and written again, not the rest of the state: bink writes them last (see
    `_without_counts`), so the text before them is kept as it is. Anything unexpected falls back to
    parsing the whole state."""
    found = _counts_at(text)
    if found is not None:
        cut, counts = found
        kept = {k: v for k, v in counts.items() if k not in drop}
        if len(kept) == len(counts):
            return counts, None
        return counts, text[:cut] + _COUNTS + _compact(kept) + "}"
    data = parse_state(text)
    every: dict[str, int] = dict(data.get("visitCounts", {}))
    if not keep_visit_counts(data, lambda k: k not in drop):
        return every, None
    return every, state_text(data)


def _counts_at(text: str) -> tuple[int, dict[str, int]] | None:
    """Where the visit counts begin in a state's text, and the counts parsed (None: not where bink
    writes them, last)."""
    cut = text.rfind(_COUNTS)
    if cut > 0 and text.endswith("}"):
        try:
            counts = json.loads(text[cut + len(_COUNTS):-1])
        except ValueError:
            return None
        if isinstance(counts, dict):
            return cut, counts
    return None


@dataclass(frozen=True, slots=True)
class StateParts:
    """A state split from its visit counts (`split_state`), to be written again with other counts.

    Only the counts are parsed: the rest is parsed when asked for (`rest`), and `knots` finds where
    the state is by scanning its text. Parsing the rest (the output buffer, the call stacks, the
    variables) cost a corpus state of the guided search more than finding its knots in the text."""

    counts: dict[str, int]
    text: str  # the state as the runtime wrote it
    cut: int | None  # where its counts begin in `text` (None: not where bink writes them, last)
    parsed: dict[str, Any] | None = None  # the rest, when the whole state had to be parsed

    @property
    def rest(self) -> dict[str, Any]:
        """The state parsed without its visit counts."""
        if self.parsed is not None:
            return self.parsed
        assert self.cut is not None
        rest: dict[str, Any] = json.loads(self.text[:self.cut] + "}")
        return rest

    def knots(self) -> set[str]:
        """`state_knots` of the state, read from its text (see `text_knots`)."""
        if self.cut is None:
            return state_knots(self.rest)
        return text_knots(self.text, self.cut)

    def joined(self, counts: dict[str, int]) -> str:
        """The state with these visit counts instead of its own, the rest of it kept as it is (the
        counts found by `split_state` are not looked for, nor parsed, again)."""
        if self.cut is not None:
            return self.text[:self.cut] + _COUNTS + _compact(counts) + "}"
        data = dict(self.rest)
        data["visitCounts"] = counts
        return state_text(data)


def split_state(text: str) -> StateParts:
    """The state's visit counts, and where they are: for a caller that keeps some counts and writes
    the state again (`StateParts.joined`), parsing and writing only the counts."""
    found = _counts_at(text)
    if found is not None:
        cut, counts = found
        return StateParts(counts, text, cut)
    data = parse_state(text)
    every: dict[str, int] = data.pop("visitCounts", {})
    return StateParts(every, text, None, data)


#: a key naming a place (`state_knots`' keys) with a string value, in a state's text. Inside a JSON
#: string every quote is escaped, so text (a line, a choice's text) never matches, nor does a key
#: unless it ends in one of these names (the state's other keys are fixed words, numbers, paths and
#: variable names, none with a quote); and bink writes these keys only in the call stacks, pending
#: choices and their threads (the output buffer, the evaluation stack and the variables hold runtime
#: values, written under other keys), which is where `state_knots` looks.
_PLACE = re.compile(r'"(?:cPath|previousContentObject|currentContainerPath|targetPath)"\s*:\s*'
                    r'"([^"\\]*(?:\\.[^"\\]*)*)"')
#: the knot of each path met (`knot_of`): a story has a bounded set of paths
_KNOT_OF: dict[str, str] = {}


def text_knots(text: str, end: int) -> set[str]:
    """`state_knots` of a state's text, scanning `text[:end]` (its part before the visit counts)
    instead of parsing it (a state without flows, not bink's, is parsed)."""
    if text.find('"flows"', 0, end) < 0:
        return state_knots(json.loads(text[:end] + "}"))
    knots: set[str] = set()
    known = _KNOT_OF
    for path in _PLACE.findall(text, 0, end):
        knot = known.get(path)
        if knot is None:
            if len(known) > 1 << 16:
                known.clear()
            knot = known[path] = knot_of(json.loads(f'"{path}"') if "\\" in path else path)
        knots.add(knot)
    return knots


# -- trimming a parsed state -------------------------------------------------------------------------
# The explorer merges and shrinks states by what its liveness analysis says is dead. It works on the
# parsed state (`parse_state` / `canonical_state`) only through these functions, so the keys of the
# runtime's format stay in this module.

_PATH_KEYS = ("cPath", "previousContentObject", "currentContainerPath")
_TOP = re.compile(r"^\d")


def parse_state(state_text: str) -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(state_text)
    return parsed


def state_text(data: dict[str, Any]) -> str:
    return _compact(data)


def knot_of(path: str) -> str:
    """The knot a runtime path is in ("" for the story's top level)."""
    head = path.split(".", 1)[0]
    return "" if not head or _TOP.match(head) else head


def state_knots(data: dict[str, Any]) -> set[str]:
    """The knots a parsed state is in or may return to: its call stacks and pending choices."""
    knots: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in _PATH_KEYS and isinstance(value, str):
                    knots.add(knot_of(value))
                elif key == "targetPath" and isinstance(value, str):
                    knots.add(knot_of(value))
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for flow in data.get("flows", {}).values():
        walk(flow.get("callstack"))
        walk(flow.get("currentChoices"))
        walk(flow.get("choiceThreads"))
    return knots


def state_positions(data: dict[str, Any]) -> list[tuple[str, int]]:
    """Where a parsed state at a choice point can go on from, as (container path, content index):
    each pending choice's target (index -1: entered at its start), and every call-stack frame flow
    may come back to. Choosing replaces the top frame of the choice's thread with the target, so
    the top frames of the threads kept for pending choices are left out; the current thread's are
    all kept (it may go on)."""
    found: list[tuple[str, int]] = []

    def frames(thread: Any, skip_top: bool) -> None:
        stack = thread.get("callstack", []) if isinstance(thread, dict) else []
        for frame in stack[:-1] if skip_top else stack:
            if isinstance(frame, dict) and isinstance(frame.get("cPath"), str):
                found.append((frame["cPath"], int(frame.get("idx", 0))))

    for flow in data.get("flows", {}).values():
        for thread in flow.get("callstack", {}).get("threads", []):
            frames(thread, False)
        for thread in (flow.get("choiceThreads") or {}).values():
            frames(thread, True)
        for choice in flow.get("currentChoices", []):
            found.append((str(choice.get("targetPath", "")), -1))
    return found


def variable_names(data: dict[str, Any]) -> set[str]:
    return set(data.get("variablesState", {}))


def drop_variables(data: dict[str, Any], names: Collection[str]) -> None:
    """Remove these global variables from a parsed state, in place."""
    variables = data.get("variablesState", {})
    data["variablesState"] = {k: v for k, v in variables.items() if k not in names}


def counts_and_variables(data: dict[str, Any]) -> tuple[dict[str, int], dict[str, Any]]:
    """A parsed state's visit counts and global variables (those not at their initial value: the
    runtime saves only those), as the state holds them."""
    return data.get("visitCounts", {}), data.get("variablesState", {})


def replace_counts_and_variables(data: dict[str, Any], counts: dict[str, Any], variables: dict[str, Any],
                                 keep_random: bool = True) -> None:
    """Put other visit counts and variables (classes of values, say) in a parsed state, in place;
    without `keep_random`, drop the state of `RANDOM`'s generator too."""
    data["visitCounts"] = counts
    data["variablesState"] = variables
    if not keep_random:
        data.pop("previousRandom", None)


def keep_visit_counts(data: dict[str, Any], keep: Callable[[str], bool]) -> bool:
    """Keep only the visit counts whose container path `keep` accepts, in place; True if any went."""
    counts = data.get("visitCounts", {})
    kept = {k: v for k, v in counts.items() if keep(k)}
    if len(kept) == len(counts):
        return False
    data["visitCounts"] = kept
    return True
