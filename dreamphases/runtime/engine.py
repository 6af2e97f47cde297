"""A small facade over `bink.story.Story`.

Everything else in DreamPhases (player, saves, explorer) talks to an `Engine`, never to bink directly,
so that the runtime's quirks (a BOM on the JSON, errors reported through a handler, the seed living
inside the saved state) are dealt with once, here.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bink.story import Story

__all__ = ["Engine", "Line", "StateLoadError", "StoryLoadError", "StoryRuntimeError", "story_hash"]


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

    def __init__(self, message: str, text: str = "") -> None:
        super().__init__(message)
        self.text = text


@dataclass(slots=True)
class Line:
    """One line of output as `Continue()` returned it, with its tags."""

    text: str
    tags: list[str] = field(default_factory=list)


class Engine:
    """Runs one compiled ink story.

    Runtime errors do not raise from bink's handler (that would cross the Rust boundary); they are
    collected in `errors` and turned into `StoryRuntimeError` by `next_line` so callers decide how
    to show them.
    """

    def __init__(self, json_text: str, host_functions: bool = False) -> None:
        """`host_functions` binds `runtime.host.HOST_FUNCTIONS` (the clock): the interactive player
        wants them; reproducible runs (tests, explorer, --plain) keep the story's ink fallbacks."""
        self.json_text = json_text.lstrip("\ufeff")
        try:
            self.story = Story(self.json_text)
        except Exception as exc:  # bink raises plain exceptions on bad JSON
            raise StoryLoadError(str(exc)) from exc
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.story.set_error_handler(self._on_error)
        # EXTERNAL functions the host does not bind run their ink fallback
        self.story.set_allow_external_function_fallbacks(True)
        if host_functions:
            from dreamphases.runtime.host import HOST_FUNCTIONS

            for name, fn in HOST_FUNCTIONS.items():
                self.story.bind_external_function(name, lambda _name, *_args, fn=fn: fn())

    def _on_error(self, message: str, is_error: bool) -> None:
        (self.errors if is_error else self.warnings).append(message)

    # -- flow -----------------------------------------------------------------------------------
    def can_continue(self) -> bool:
        return bool(self.story.can_continue())

    def next_line(self) -> Line:
        """Continue by one line. Raises `StoryRuntimeError` if the runtime reported an error."""
        try:
            text = self.story.cont()
        except RuntimeError as exc:
            self.errors.append(str(exc))
            text = ""
        if self.errors:
            message = self.errors.pop(0)
            self.errors.clear()
            raise StoryRuntimeError(message, text)
        return Line(text, list(self.story.get_current_tags()))

    def choices(self) -> list[str]:
        return [str(c) for c in self.story.get_current_choices()]

    def choice_tags(self) -> list[list[str]]:
        choices = self.story.get_current_choices()
        return [list(choices.get_tags(i)) for i in range(len(choices))]

    def choose(self, index: int) -> None:
        self.story.choose_choice_index(index)

    def global_tags(self) -> list[str]:
        return list(self.story.get_global_tags())

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

    def reset(self) -> None:
        self.story.reset_state()

    @property
    def hash(self) -> str:
        return story_hash(self.json_text)

    def current_knot(self) -> str:
        """Where the story is, as `knot` or `knot.stitch` ("" at the top, before any knot).

        bink's current path is empty at a choice point, so this reads the last content the
        runtime visited from its own state; numeric and generated (`c-0`, `g-1`) parts are dropped.
        """
        try:
            flows = json.loads(self.save_state())["flows"]
            flow = next(iter(flows.values()))
            path = str(flow["callstack"]["threads"][-1].get("previousContentObject", ""))
        except (KeyError, ValueError, StopIteration, IndexError, TypeError):
            return ""
        named: list[str] = []
        for part in path.split("."):
            if part.isdigit() or re.fullmatch(r"[cgb]-\d+|b", part):
                break
            named.append(part)
        return ".".join(named[:2])

    def set_seed(self, seed: int) -> None:
        """Seed RANDOM and shuffles. bink has no setter, so the seed goes in through the state."""
        state = json.loads(self.save_state())
        state["storySeed"] = int(seed)
        state["previousRandom"] = 0
        self.load_state(json.dumps(state))

    # -- variables ------------------------------------------------------------------------------
    def get_variable(self, name: str) -> object:
        return self.story.get_variable(name)

    def set_variable(self, name: str, value: object) -> None:
        self.story.set_variable(name, value)

    def observe(self, name: str, callback: Callable[[str, object], None]) -> None:
        self.story.observe_variable(name, callback)

    def current_path(self) -> str | None:
        path = self.story.get_current_path()
        return None if path is None else str(path)
