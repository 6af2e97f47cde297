"""Recording a playthrough into a spec: what was shown at each choice point, and what was chosen.

The written spec is meant to be edited ("blessed") into a regression test: every line of text becomes
an ordered `expect`, tags become `tags`, declared stats become `stats`, and the offered choices are
listed before the `choose`. Trim what should be allowed to change.
"""

from __future__ import annotations

from typing import Any

from dreamphases.runtime.engine import Engine, StoryRuntimeError
from dreamphases.statspec import stat_specs

__all__ = ["Recorder"]


class Recorder:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.steps: list[dict[str, Any]] = []
        self.error: str | None = None
        self.lines: list[str] = []
        self.tags: list[str] = []
        self._stats = [s.var for s in stat_specs(engine.global_tags())]

    def advance(self) -> None:
        """Continue to the next choice point, keeping what was shown."""
        self.lines, self.tags = [], []
        while self.engine.can_continue() and self.error is None:
            try:
                line = self.engine.next_line()
            except StoryRuntimeError as exc:
                self.error = str(exc)
                break
            if line.text.strip():
                self.lines.append(line.text.strip())
            self.tags += line.tags

    @property
    def choices(self) -> list[str]:
        return [] if self.error else self.engine.choices()

    def _checks(self) -> dict[str, Any]:
        step: dict[str, Any] = {}
        if self.lines:
            step["expect"] = list(self.lines)
        if self.tags:
            step["tags"] = list(self.tags)
        stats = {name: self.engine.get_variable(name) for name in self._stats}
        if stats:
            step["stats"] = {k: v for k, v in stats.items() if isinstance(v, int | float | str | bool)}
        return step

    def choose(self, index: int) -> None:
        """Record the checks for the current point, then choose `index` (0-based)."""
        offered = self.choices
        step = self._checks()
        step["choices"] = offered
        text = offered[index]
        # by text when that is unambiguous (survives reordering), otherwise by number
        unique = sum(1 for c in offered if text in c) == 1 and text.strip() != ""
        step["choose"] = text if unique else index + 1
        self.steps.append(step)
        self.engine.choose(index)
        self.advance()

    def finish(self) -> list[dict[str, Any]]:
        """The steps, closed with the checks for where the story stopped."""
        step = self._checks()
        if self.error is None and not self.choices:
            step["end"] = True
        elif self.choices:
            step["choices"] = self.choices
        if step:
            self.steps.append(step)
        return self.steps
