"""Recording a playthrough into a spec: what was shown at each choice point, and what was chosen.

The written spec is meant to be edited ("blessed") into a regression test: every line of text becomes
an ordered `expect`, tags become `tags`, declared stats become `stats`, and the offered choices are
listed before the `choose`. Trim what should be allowed to change.
"""

from __future__ import annotations

from typing import Any

from dreamphases.runtime.engine import Engine, Line
from dreamphases.statspec import stat_specs

__all__ = ["Recorder"]


class Recorder:
    """Turns a playthrough into spec steps, watching the player's `Session` (it never drives the
    story itself, so `record` plays exactly as `play` does). Step i belongs to choice i of the
    history: an `/undo` or `/restart` drops the steps of the choices it took back."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.steps: list[dict[str, Any]] = []
        self._stats = [s.var for s in stat_specs(engine.global_tags())]

    def _checks(self, shown: list[Line]) -> dict[str, Any]:
        step: dict[str, Any] = {}
        lines = [line.text.strip() for line in shown if line.text.strip()]
        tags = [tag for line in shown for tag in line.tags]
        if lines:
            step["expect"] = lines
        if tags:
            step["tags"] = tags
        stats = {name: self.engine.get_variable(name) for name in self._stats}
        if stats:
            step["stats"] = {k: v for k, v in stats.items() if isinstance(v, int | float | str | bool)}
        return step

    def before_choice(self, position: int, shown: list[Line], offered: list[str], index: int) -> None:
        """The player is about to take `offered[index]` as choice number `position` (0-based) of
        the history, having been shown `shown` since the previous choice."""
        del self.steps[position:]
        step = self._checks(shown)
        step["choices"] = list(offered)
        text = offered[index]
        # by text when that is unambiguous (survives reordering), otherwise by number
        unique = sum(1 for c in offered if text in c) == 1 and text.strip() != ""
        step["choose"] = text if unique else index + 1
        self.steps.append(step)

    def finish(self, position: int, shown: list[Line], offered: list[str], error: str | None) -> list[dict[str, Any]]:
        """The steps of the `position` choices kept, closed with the checks for where play stopped."""
        steps = self.steps[:position]
        step = self._checks(shown)
        if error is None and not offered:
            step["end"] = True
        elif offered:
            step["choices"] = list(offered)
        if step:
            steps.append(step)
        return steps
