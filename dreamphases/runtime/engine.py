"""A small facade over `bink.story.Story`: the only module that imports bink.

Everything else in DreamPhases (player, saves, tools, explorer) talks to an `Engine`, so the runtime's
quirks (a BOM on the JSON, errors reported through a handler, the seed living inside the saved state,
panics printed to fd 2) are dealt with once, here.

**Budgets.** A story can loop without output (`- (l)` then `-> l`) or recurse forever; inside one
call of bink's `Continue` that never returns, holds no Python lock we can interrupt, and (for
recursion) grows memory without bound. So a line is produced with bink's `continue_async` in slices
of `Budget.slice_ms` of runtime work: between slices Python runs its signal handlers (Ctrl-C always
works), and the engine checks the time the line has taken and the depth of the ink call stack. A
line over budget raises `StoryRuntimeError` naming where the story was and the choices that led there.
The runtime counts no steps we could read, so the step budget is a budget of runtime time per line.

Checking the call depth means saving and parsing the whole state, so it is done once per slice of
*work* (this thread's CPU time), not per slice of wall time: on a loaded machine most slices that
run out are slices the process spent waiting for a core, and checking after each of them cost the
explorer a tenth of its throughput. The time budget is checked after every slice (a clock read).
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from bink import _ffi
from bink.story import Story
from bink.value import Value

from dreamphases.runtime.panics import panic_detail
from dreamphases.runtime.state import call_depth, canonical_hash, position, snapshot, with_seed

__all__ = [
    "Budget", "BudgetExceeded", "Engine", "Line", "StateLoadError", "StoryLoadError", "StoryRuntimeError", "story_hash",
]


class StoryLoadError(Exception):
    """The compiled JSON could not be loaded by the runtime."""


class StateLoadError(Exception):
    """A saved runtime state that this story's runtime rejects (corrupt, or from another version)."""


def story_hash(json_text: str) -> str:
    """The identity of a compiled story: sha256 of its JSON (without a BOM), as hex."""
    return hashlib.sha256(json_text.lstrip("\ufeff").encode("utf-8")).hexdigest()


class StoryRuntimeError(Exception):
    """The story hit an ink runtime error (the message is the runtime's own).

    `text` is whatever the runtime produced for the line before it stopped, so nothing is lost.
    """

    def __init__(self, message: str, text: str = "", where: str = "", trail: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.text = text
        #: the knot/stitch (or function) the story was in, when known
        self.where = where
        #: the choices taken since the story started (or since the last state load), oldest first
        self.trail = list(trail)


class BudgetExceeded(StoryRuntimeError):
    """The story ran past its budget of time or call depth producing one line (an endless loop or
    recursion). The engine is left where the story cannot continue (or, if the runtime could not be
    brought there, at the start of a fresh story): load a state to go on."""


@dataclass(frozen=True, slots=True)
class Budget:
    """How much runtime work one line of output may take before the engine stops the story."""

    #: wall-clock seconds of runtime work for one line (a busy loop with no output runs into this)
    seconds: float = 5.0
    #: frames on the ink call stack (functions and tunnels); endless recursion runs into this
    call_depth: int = 10_000
    #: the slice of runtime work between checks (and between chances for Ctrl-C), in milliseconds
    slice_ms: float = 10.0
    #: CPU seconds of this thread's work for one line, beside the wall-clock `seconds` (None: no such
    #: limit). Unlike wall-clock time it does not run out while the process waits for a core: the
    #: explorer's copy without line breaks plays a whole passage as one line, and gives up on it early
    work_seconds: float | None = None


@dataclass(slots=True)
class Line:
    """One line of output as `Continue()` returned it, with its tags."""

    text: str
    tags: list[str] = field(default_factory=list)


class _Pointer(ctypes.c_void_p):
    """A pointer the runtime hands a callback, kept as a ctypes object: a subclass of `c_void_p` is not
    turned into a Python int on the way in, so it goes back to a bare call (`_bare`) as it came."""


def _bare(name: str) -> Any:
    """The runtime's C function `name` without bink's declared argument types.

    With them, ctypes converts every argument through its type's `from_param` on every call: 0.9 µs
    of a 1.5 µs call (`bink_story_can_continue`, measured alone), where the runtime's own work is a
    fraction of that. The hot calls below make about eleven such calls a choice of the guided search.
    Without them, ctypes passes what it is given as it is, so every argument must already be of its
    C type: pointers and cells as ctypes objects (never a Python int: it would go as a 32-bit `int`),
    `size_t` as `c_size_t`, strings as bytes. The result stays the `int` status bink's declare too."""
    lib = _ffi.LIB
    function = lib._FuncPtr((name, lib))
    function.restype = ctypes.c_int
    return function


#: choice indices below this are made into `c_size_t`s once and kept (a choice point offers a few)
_INDICES_KEPT = 1024


class _HotCalls:
    """The calls into the runtime every line and choice makes (`can_continue`, one slice of
    `continue_async`, the choice count, choosing) and the guided search's visit counts, bound once per
    story.

    bink's wrappers look the C function up by name and allocate their result and error cells on every
    call, a microsecond or two each, twice a line: about 6% of bink's own time per choice on a big
    story. These keep the function pointers (`_bare`: without argument conversions, which cost more
    than the call) and the cells. A failure goes through bink's own check, so it raises exactly what
    bink's wrapper would."""

    __slots__ = ("_can", "_choices", "_choose", "_cont", "_count_ref", "_error", "_error_ref", "_flag", "_flag_ref",
                 "_count", "_free", "_free_text", "_indices", "_list", "_list_ref", "_paths", "_slice", "_story",
                 "_text", "_text_of", "_text_ref", "_visits", "_visits_ref", "_visit")

    def __init__(self, story: Story, slice_ms: float) -> None:
        self._can = _bare("bink_story_can_continue")
        self._cont = _bare("bink_story_continue_async")
        self._choices = _bare("bink_story_get_current_choices")
        self._choose = _bare("bink_story_choose_choice_index")
        self._free = _bare("bink_choices_free")
        self._text_of = _bare("bink_choices_get_text")
        self._free_text = _bare("bink_cstring_free")
        self._text = ctypes.c_char_p()
        self._text_ref = ctypes.byref(self._text)
        #: choice indices as the C function takes them (`size_t`), made once each
        self._indices: list[ctypes.c_size_t] = []
        self._list = ctypes.c_void_p(None)
        self._list_ref = ctypes.byref(self._list)
        self._count = ctypes.c_size_t(0)
        self._count_ref = ctypes.byref(self._count)
        self._story = ctypes.c_void_p(story._story.value)  # the native story: valid while `story` is
        self._slice = ctypes.c_float(slice_ms)
        self._flag = ctypes.c_bool(False)
        self._flag_ref = ctypes.byref(self._flag)
        self._error = ctypes.c_char_p()
        self._error_ref = ctypes.byref(self._error)
        self._visit = _bare("bink_story_get_visit_count_at_path_string")
        self._visits = ctypes.c_int32(0)
        self._visits_ref = ctypes.byref(self._visits)
        #: runtime paths as the C function takes them (a story has a bounded set of paths)
        self._paths: dict[str, bytes] = {}

    def can_continue(self) -> bool:
        status = self._can(self._story, self._flag_ref, self._error_ref)
        if status:
            self._fail(status)
        return bool(self._flag.value)

    def continue_slice(self) -> bool:
        """One slice of runtime work on the current line: True when the line is complete."""
        status = self._cont(self._story, self._slice, self._flag_ref, self._error_ref)
        if status:
            self._fail(status)
        return bool(self._flag.value)

    def choice_count(self) -> int:
        """How many choices are on offer, without building bink's sequence of their texts."""
        status = self._choices(self._story, self._list_ref, self._count_ref, self._error_ref)
        if status:
            self._fail(status)
        self._free(self._list)
        return int(self._count.value)

    def choice_texts(self) -> list[str]:
        """The texts of the choices on offer, read in one call from Python: bink's sequence makes two
        calls by name (with their cells allocated) per text, several µs each, at every choice point
        of a walk that picks options by their texts (the guided search's learning walks)."""
        status = self._choices(self._story, self._list_ref, self._count_ref, self._error_ref)
        if status:
            self._fail(status)
        choices, text, text_ref, error_ref = self._list, self._text, self._text_ref, self._error_ref
        texts: list[str] = []
        try:
            for index in range(self._count.value):
                status = self._text_of(choices, self._index(index), text_ref, error_ref)
                if status:
                    self._fail(status)
                raw = text.value
                if raw is not None:  # any string bink gives is ours to free, an empty one too
                    self._free_text(text)
                texts.append(raw.decode("utf-8") if raw else "")
        finally:
            self._free(choices)
        return texts

    def _index(self, index: int) -> ctypes.c_size_t:
        """A choice index as the C functions take it (`size_t`), the first `_INDICES_KEPT` made once."""
        indices = self._indices
        if 0 <= index < len(indices):
            return indices[index]
        if 0 <= index < _INDICES_KEPT:
            indices += [ctypes.c_size_t(i) for i in range(len(indices), index + 1)]
            return indices[index]
        return ctypes.c_size_t(index)  # what bink's declared `size_t` would pass (the runtime then refuses it)

    def choose(self, index: int) -> None:
        indices = self._indices
        argument = indices[index] if 0 <= index < len(indices) else self._index(index)
        status = self._choose(self._story, argument, self._error_ref)
        if status:
            self._fail(status)

    def visit_count(self, runtime_path: str) -> int:
        """The visit count at a runtime path: the guided search reads a few at most choice points."""
        encoded = self._paths.get(runtime_path)
        if encoded is None:
            encoded = self._paths[runtime_path] = runtime_path.encode()
        status = self._visit(self._story, encoded, self._visits_ref, self._error_ref)
        if status:
            self._fail(status)
        return int(self._visits.value)

    def visit_counts(self, runtime_paths: Sequence[str]) -> list[int]:
        """`visit_count` at each of these paths, in one call from Python (the guided search reads a
        few at most choice points: two Python calls a count cost about as much as the runtime's)."""
        encoded_paths, visit, story = self._paths, self._visit, self._story
        cell, cell_ref, error_ref = self._visits, self._visits_ref, self._error_ref
        found: list[int] = []
        for runtime_path in runtime_paths:
            encoded = encoded_paths.get(runtime_path)
            if encoded is None:
                encoded = encoded_paths[runtime_path] = runtime_path.encode()
            status = visit(story, encoded, cell_ref, error_ref)
            if status:
                self._fail(status)
            found.append(int(cell.value))
        return found

    def _fail(self, status: int) -> None:
        error = self._error
        self._error = ctypes.c_char_p()  # the runtime wrote its message here; bink's check frees it
        self._error_ref = ctypes.byref(self._error)
        _ffi.check(status, error)


_INT = _ffi.BINK_VALUE_INT


class _ObservedValues:
    """bink's `Value.to_python` for the values the runtime lends our callbacks (a watched variable's new
    value, an external function's arguments), with the C functions of the common kinds (int, bool,
    float, string) bound once.

    bink's conversion looks each C function up by name and allocates its cells on every call, asking
    for the value's kind once per kind it tests: three or four calls into the runtime for an int, five
    and a string's for a string, a few µs each, at every assignment an observer watches (the guided
    search watches dozens of variables) and every `expect(...)` the story calls. Lists, rarer, go
    through bink's own conversion, and a failure raises what bink's would."""

    __slots__ = ("_bool", "_bool_ref", "_error", "_error_ref", "_float", "_float_ref", "_get_bool", "_get_float",
                 "_get_int", "_get_kind", "_get_string", "_int", "_int_ref", "_kind", "_kind_ref", "_string",
                 "_string_ref")

    def __init__(self) -> None:
        self._get_kind, self._get_int = _bare("bink_value_get_kind"), _bare("bink_value_get_int")
        self._get_bool, self._get_float = _bare("bink_value_get_bool"), _bare("bink_value_get_float")
        self._get_string = _bare("bink_value_get_string")
        self._kind, self._int = ctypes.c_int(0), ctypes.c_int32(0)
        self._bool, self._float = ctypes.c_bool(False), ctypes.c_float(0)
        self._string = ctypes.c_char_p()
        self._kind_ref, self._int_ref = ctypes.byref(self._kind), ctypes.byref(self._int)
        self._bool_ref, self._float_ref = ctypes.byref(self._bool), ctypes.byref(self._float)
        self._string_ref = ctypes.byref(self._string)
        self._error = ctypes.c_char_p()
        self._error_ref = ctypes.byref(self._error)

    def read(self, pointer: ctypes.c_void_p) -> object:
        """The Python value of a runtime value the runtime lends a callback (not ours to free), given
        as a ctypes pointer (the C functions are `_bare`)."""
        # the status is tested here, not in `check`: a watched variable is read at every assignment
        status = self._get_kind(pointer, self._kind_ref, self._error_ref)
        if status:
            self.check(status)
        kind = self._kind.value
        if kind == _INT:
            status = self._get_int(pointer, self._int_ref, self._error_ref)
            if status:
                self.check(status)
            return self._int.value
        if kind == _ffi.BINK_VALUE_BOOL:
            self.check(self._get_bool(pointer, self._bool_ref, self._error_ref))
            return self._bool.value
        if kind == _ffi.BINK_VALUE_FLOAT:
            self.check(self._get_float(pointer, self._float_ref, self._error_ref))
            return self._float.value
        if kind == _ffi.BINK_VALUE_STRING:
            self.check(self._get_string(pointer, self._string_ref, self._error_ref))
            return _ffi.take_string(self._string)  # decoded, and freed as bink's conversion frees it
        return Value(_pointer=pointer.value, _owned=False).to_python()

    @property
    def error_ref(self) -> object:
        """The error cell the runtime's C functions write their message to (for `check`)."""
        return self._error_ref

    def check(self, status: int) -> None:
        """Raise what bink raises for a C function's failed `status` (its message is in `error_ref`)."""
        if status:
            error = self._error
            self._error = ctypes.c_char_p()  # the runtime wrote its message here; bink's check frees it
            self._error_ref = ctypes.byref(self._error)
            _ffi.check(status, error)


#: bink's callback types, with the runtime's value (or arguments) as a `_Pointer`, not a Python int: it
#: goes straight back to the runtime's `_bare` functions that read it
_VARIABLE_OBSERVER = ctypes.CFUNCTYPE(None, ctypes.c_char_p, _Pointer, ctypes.c_void_p)
_EXTERNAL_FUNCTION = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_char_p, _Pointer, ctypes.c_void_p)


def _register(story: Story, what: str, name: str, native: object) -> None:
    """Hand the runtime a callback of ours (bink's declared types accept only its own callback types);
    it lives as long as the story, in bink's own list."""
    story._callbacks.append(native)
    error = ctypes.c_char_p()
    _ffi.check(_bare(what)(ctypes.c_void_p(story._story.value), name.encode(), native, None, ctypes.byref(error)),
               error)


def _observe(story: Story, name: str, callback: Callable[[str, object], None], values: _ObservedValues) -> None:
    """`story.observe_variable(name, callback)`, converting values with `values` (see `_ObservedValues`)."""
    read = values.read

    def changed(_name: bytes, c_value: _Pointer, _data: object) -> None:
        try:
            callback(name, read(c_value))  # the runtime calls this observer for `name` only
        except Exception:  # noqa: BLE001 - a Python exception must never cross the C callback boundary
            pass

    _register(story, "bink_observe_variable", name, _VARIABLE_OBSERVER(changed))


def _bind_external(story: Story, name: str, function: Callable[..., object], values: _ObservedValues) -> None:
    """`story.bind_external_function(name, function)`, its arguments read with `values` and the C
    functions bound once (bink's wrapper looks each up by name, and converts each argument as
    `_ObservedValues` says: about 25 µs a call of `expect(condition, what)`, which a story may make at
    every other choice). Like bink's, each argument is freed once read, a result other than None is
    handed to the runtime, and an exception returns nothing to it."""
    args_count, args_get, free = _bare("bink_fun_args_count"), _bare("bink_fun_args_get"), _bare("bink_value_free")
    count, item = ctypes.c_size_t(0), ctypes.c_void_p(None)
    count_ref, item_ref = ctypes.byref(count), ctypes.byref(item)
    read, check = values.read, values.check

    def called(c_name: bytes, c_args: _Pointer, _data: object) -> int | None:
        try:
            check(args_count(c_args, count_ref, values.error_ref))
            args = []
            for index in range(count.value):
                check(args_get(c_args, ctypes.c_size_t(index), item_ref, values.error_ref))
                try:
                    args.append(read(item))
                finally:
                    free(item)
                    item.value = None
            result = function(c_name.decode(), *args)
            if result is None:
                return None
            return cast(int | None, Value(result).detach())
        except Exception:  # noqa: BLE001 - a Python exception must never cross the C callback boundary
            return None

    _register(story, "bink_bind_external_function", name, _EXTERNAL_FUNCTION(called))


class Engine:
    """Runs one compiled ink story.

    Runtime errors do not raise from bink's handler (that would cross the Rust boundary); they are
    collected in `errors` and turned into `StoryRuntimeError` by `next_line`/`next_text` so callers
    decide how to show them.
    """

    def __init__(self, json_text: str, host_functions: bool = False, budget: Budget | None = None) -> None:
        """`host_functions` binds `runtime.host.HOST_FUNCTIONS` (the clock): the interactive player
        wants them; reproducible runs (tests, explorer, --plain) keep the story's ink fallbacks."""
        self.json_text = json_text.lstrip("\ufeff")
        self.budget = budget or Budget()
        self.host_functions = host_functions
        self.errors: list[str] = []
        self.warnings: list[str] = []
        # the choices taken since the start (or the last `load_state`), as (offered, index): the text
        # is only read when an error report needs it, since each read is a call into the runtime
        self._taken: list[tuple[Sequence[str], int]] = []
        self._observers: list[tuple[str, Callable[[str, object], None]]] = []
        self._functions: dict[str, Callable[..., object]] = {}
        self._offered: Sequence[str] | None = None
        self._dead_end_state: str | None = None
        self._values = _ObservedValues()
        self.story = self._build()

    @property
    def trail(self) -> list[str]:
        """The texts of the choices taken since the start (or the last `load_state`), oldest first
        ("?" for one taken by `choose_lean`)."""
        return [str(offered[index]) if offered else "?" for offered, index in self._taken]

    def _build(self) -> Story:
        try:
            story = Story(self.json_text)
        except Exception as exc:  # bink raises plain exceptions on bad JSON
            raise StoryLoadError(str(exc)) from exc
        story.set_error_handler(self._on_error)
        self._hot = _HotCalls(story, self.budget.slice_ms)
        # EXTERNAL functions the host does not bind run their ink fallback
        story.set_allow_external_function_fallbacks(True)
        if self.host_functions:
            from dreamphases.runtime.host import HOST_FUNCTIONS

            for name, fn in HOST_FUNCTIONS.items():
                story.bind_external_function(name, lambda _name, *_args, fn=fn: fn())
        for name, callback in self._observers:
            _observe(story, name, callback, self._values)
        for name, function in self._functions.items():
            self._bind(story, name, function)
        return story

    def _bind(self, story: Story, name: str, function: Callable[..., object]) -> None:
        try:
            _bind_external(story, name, function, self._values)
        except Exception:  # noqa: BLE001 - bink refuses a name it cannot bind; the ink fallback runs
            pass

    def bind_function(self, name: str, function: Callable[..., object]) -> None:
        """Bind an ink `EXTERNAL` (called as `function(name, *args)`); kept across runtime rebuilds.
        A name the story does not declare is ignored, and a refused one leaves the ink fallback."""
        self._functions[name] = function
        self._bind(self.story, name, function)

    def _on_error(self, message: str, is_error: bool) -> None:
        (self.errors if is_error else self.warnings).append(message)

    # -- flow -----------------------------------------------------------------------------------
    def can_continue(self) -> bool:
        return self._hot.can_continue()

    def next_text(self) -> str:
        """Continue by one line and return its text (without tags).

        Raises `StoryRuntimeError` if the runtime reported an error or crashed, and `BudgetExceeded`
        if the line took more than the budget allows."""
        self.advance()
        return self.text()

    def text(self) -> str:
        """The text of the line `advance` (or `next_text`) produced last."""
        return str(self.story.get_current_text())

    def advance(self) -> None:
        """Continue by one line without reading it: the explorer's fast path (reading the text is one
        more call into the runtime per line, and a walk needs it only to check expectations).

        Raises as `next_text` does; the error then carries the line's text."""
        self._offered = None
        try:
            if not self._hot.continue_slice():
                self._run_on(time.monotonic())
        except RuntimeError as exc:  # a panic inside the runtime (e.g. division by zero)
            detail = panic_detail()
            self.errors.append(f"RUNTIME ERROR: the runtime crashed: {detail}" if detail else f"RUNTIME ERROR: {exc}")
            self._raise("")
        if self.errors:
            self._raise(self.text())

    def _raise(self, text: str) -> None:
        message = self.errors.pop(0)
        self.errors.clear()
        raise StoryRuntimeError(message, text, self.current_knot(), self.trail)

    def _run_on(self, started: float) -> None:
        """Further slices of one line, checking the budget between them (see the module's docstring)."""
        story, budget = self.story, self.budget
        work = budget.slice_ms / 1000
        checked = begun = time.thread_time()  # the depth is first read after a further slice of work
        try:
            while not story.continue_async(budget.slice_ms):
                now = time.thread_time()
                if budget.work_seconds is not None and now - begun > budget.work_seconds:
                    self._stop(f"the story worked for {budget.work_seconds:g} s of CPU time without a line of text "
                               "or a choice (an endless loop?)", call_depth(story.save_state())[1])
                if now - checked >= work:
                    checked = now
                    depth, where = call_depth(story.save_state())
                    if depth > budget.call_depth:
                        self._stop(f"ink calls nested {depth:,} deep without returning (endless recursion?)",
                                   where)
                if time.monotonic() - started > budget.seconds:
                    self._stop(f"the story ran for {budget.seconds:g} s without a line of text or a choice "
                               "(an endless loop?)", call_depth(story.save_state())[1])
        except BudgetExceeded:
            if not self._abandon():
                self.story = self._build()
            raise
        except BaseException:  # Ctrl-C included: the runtime is mid-line and cannot go on from here
            self.story = self._build()
            raise

    def _abandon(self) -> bool:
        """End a line its budget cut off without building a new runtime; False if that failed.

        The runtime is left in the middle of a `continue_async`, which only a further call can end. So
        load a state where the story cannot go on (`_dead_end`), make that call (nothing is left to
        run: it returns at once, reporting "ran out of content", which is dropped), and load the state
        again in case the call rolled back to a snapshot. Why not a fresh runtime: once a story has
        played, the allocator's pages are fragmented, and on the 20,000-line story each rebuild added
        about 25 MB to the process, so a story that runs away again and again grew without bound."""
        story = self.story
        try:
            dead_end = self._dead_end()
            story.load_state(dead_end)
            story.continue_async(self.budget.slice_ms)
            story.load_state(dead_end)
            return not story.can_continue()
        except Exception:  # noqa: BLE001 - the caller builds a fresh runtime instead
            return False
        finally:
            self.errors.clear()
            self.warnings.clear()
            self._offered = None

    def _dead_end(self) -> str:
        """A saved state of this story at no place at all (a null pointer): it cannot continue."""
        if self._dead_end_state is None:
            data = json.loads(self.story.save_state())
            for flow in data.get("flows", {}).values():
                flow["callstack"] = {"threadCounter": 0, "threads": [
                    {"callstack": [{"exp": False, "type": 0}], "threadIndex": 0}]}
                flow["currentChoices"] = []
                flow["outputStream"] = []
            self._dead_end_state = json.dumps(data)
        return self._dead_end_state

    def _stop(self, what: str, where: str) -> None:
        place = f" in `{where}`" if where else ""
        trail = self.trail
        taken = " → ".join(f"“{t}”" for t in trail[-12:])
        path = f", after the choices {'… → ' if len(trail) > 12 else ''}{taken}" if taken else " before any choice"
        raise BudgetExceeded(f"RUNTIME ERROR: {what}{place}{path}", "", where, trail)

    def next_line(self) -> Line:
        """Continue by one line. Raises `StoryRuntimeError` if the runtime reported an error."""
        text = self.next_text()
        return Line(text, list(self.story.get_current_tags()))

    def tags(self) -> list[str]:
        """The tags of the line `next_text` returned last."""
        return list(self.story.get_current_tags())

    def choices(self) -> list[str]:
        return [str(c) for c in self.choice_list()]

    def choice_list(self) -> Sequence[str]:
        """The choices on offer as the runtime's own sequence (indexing and `len` without copying)."""
        self._offered = cast(Sequence[str], self.story.get_current_choices())
        return self._offered

    def choose(self, index: int) -> None:
        offered = self._offered if self._offered is not None else self.choice_list()
        self.story.choose_choice_index(index)
        self._taken.append((offered, index))
        self._offered = None

    def choice_count(self) -> int:
        """How many choices are on offer (cheaper than `len(choice_list())`: no sequence is built)."""
        return self._hot.choice_count()

    def choice_texts(self) -> list[str]:
        """The choices on offer (`choices()`), read in one call from Python without bink's sequence."""
        return self._hot.choice_texts()

    def choose_lean(self, index: int) -> None:
        """`choose` without fetching the choices to remember the one taken: its text is then "?" in
        `trail`. For the explorer's copy without line breaks, whose errors are never shown (the walker
        plays them again on the faithful copy and names the choices from there)."""
        self._hot.choose(index)
        self._taken.append(((), index))
        self._offered = None

    @property
    def choices_taken(self) -> int:
        """How many choices the trail holds (since the start or the last `load_state`)."""
        return len(self._taken)

    def keep_last_choices(self, count: int) -> None:
        """Forget all but the last `count` choices of the trail: the explorer replays a walk from the
        start on a second copy of the story, and an error there names only the choices the first copy
        took since its own last `load_state`."""
        del self._taken[:max(len(self._taken) - count, 0)]

    def global_tags(self) -> list[str]:
        return list(self.story.get_global_tags())

    def visit_count(self, runtime_path: str) -> int:
        return self._hot.visit_count(runtime_path)

    def visit_counts(self, runtime_paths: Sequence[str]) -> list[int]:
        """`visit_count` at each of these paths (cheaper than asking path by path)."""
        return self._hot.visit_counts(runtime_paths)

    # -- state ----------------------------------------------------------------------------------
    def save_state(self) -> str:
        return str(self.story.save_state())

    def load_state(self, state: str) -> None:
        """Restore a state from `save_state`. Raises `StateLoadError` if the runtime rejects it."""
        try:
            self.story.load_state(state)
        except Exception as exc:  # bink raises RuntimeError (bad JSON) or ValueError
            raise StateLoadError(str(exc)) from exc
        self.errors.clear()
        self._taken = []
        self._offered = None

    def reload_state(self, state: str) -> None:
        """Go on from `state`, a trimmed copy of the current state (see `Walker.trim_counts`): unlike
        `load_state` it continues the same playthrough, so the trail of choices an error names is kept."""
        try:
            self.story.load_state(state)
        except Exception as exc:  # bink raises RuntimeError (bad JSON) or ValueError
            raise StateLoadError(str(exc)) from exc
        self._offered = None

    def reset(self) -> None:
        self.story.reset_state()
        self._taken = []
        self._offered = None

    def release(self) -> None:
        """Free the runtime's copy of the story now rather than when the engine is collected: a
        caller about to load another story would otherwise hold both (tens of MB for a big story).
        The engine is unusable afterwards."""
        del self._hot  # it holds the native story's pointer, not the story
        del self.story

    @property
    def hash(self) -> str:
        return story_hash(self.json_text)

    def current_knot(self) -> str:
        """Where the story is, as `knot` or `knot.stitch` ("" at the top, before any knot)."""
        return position(self.save_state())

    def snapshot(self) -> tuple[str, dict[str, object]]:
        """`current_knot()` and the globals changed from their initial values, in one call (see
        `state.snapshot`): the explorer's stat trajectories sample both at every choice point."""
        return snapshot(self.save_state())

    def set_seed(self, seed: int) -> None:
        """Seed RANDOM and shuffles. bink has no setter, so the seed goes in through the state."""
        self.load_state(with_seed(self.save_state(), seed))

    def state_hash(self, visit_bound: int, ignore: set[str] | frozenset[str] = frozenset()) -> bytes:
        """`state.canonical_hash` of the current state: equal for states that play the same from here."""
        return canonical_hash(self.save_state(), visit_bound, ignore)

    # -- variables ------------------------------------------------------------------------------
    def get_variable(self, name: str) -> object:
        return self.story.get_variable(name)

    def set_variable(self, name: str, value: object) -> None:
        self.story.set_variable(name, value)

    def observe(self, name: str, callback: Callable[[str, object], None]) -> None:
        self._observers.append((name, callback))
        _observe(self.story, name, callback, self._values)
