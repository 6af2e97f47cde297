"""Story-declared stats at run time: current values and change events, driven by bink's observers.

The player must say when a choice moved a stat ("Milo will remember that."). Polling variables or
reading the text would miss changes that cancel out mid-line or mistake prose for state, so the
tracker subscribes to the runtime's variable observers and queues one `StatChange` per change.
"""

from __future__ import annotations

from dataclasses import dataclass

from dreamphases.runtime.engine import Engine
from dreamphases.statspec import StatSpec, stat_specs

__all__ = ["StatChange", "StatTracker", "as_number"]


def as_number(value: object) -> float | None:
    """A stat's value as a number, or None when the story put something else in the variable."""
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, int | float):
        return float(value)
    return None


@dataclass(frozen=True, slots=True)
class StatChange:
    spec: StatSpec
    old: float
    new: float

    @property
    def delta(self) -> float:
        return self.new - self.old

    def note(self) -> str:
        """The brief in-flow note the player reads. Bonds speak of people; meters show an arrow."""
        label = self.spec.label
        if self.spec.kind == "bond":
            return f"{label} will remember that." if self.delta > 0 else f"{label} won't forget that."
        arrow = "↑" if self.delta > 0 else "↓"
        return f"{label} {arrow}"


class StatTracker:
    """Current values of the declared stats and the changes not yet shown.

    Values are refreshed from the engine after a state load or reset (observers only fire on
    assignments made by the story) via `refresh`, which emits no changes.
    """

    def __init__(self, engine: Engine, specs: list[StatSpec] | None = None) -> None:
        self.engine = engine
        self.specs = specs if specs is not None else stat_specs(engine.global_tags())
        self.values: dict[str, float] = {}
        self._pending: list[StatChange] = []
        self._by_var = {spec.var: spec for spec in self.specs}
        self.refresh()
        for spec in self.specs:
            if spec.var in self.values:
                engine.observe(spec.var, self._changed)

    def _changed(self, name: str, value: object) -> None:
        spec = self._by_var.get(name)
        number = as_number(value)
        if spec is None or number is None:
            return
        old = self.values.get(name, number)
        self.values[name] = number
        if number != old:
            self._pending.append(StatChange(spec, old, number))

    def refresh(self) -> None:
        """Re-read every value from the engine, dropping queued changes (a load is not a change)."""
        self._pending.clear()
        for spec in self.specs:
            try:
                number = as_number(self.engine.get_variable(spec.var))
            except Exception:  # a declared stat the story never defined: shown as absent
                number = None
            if number is not None:
                self.values[spec.var] = number

    def drain(self) -> list[StatChange]:
        """Changes since the last drain, one per stat (a stat moved twice nets to one note), in the
        order the story declares its stats: the runtime reports simultaneous changes in no set order."""
        merged: dict[str, StatChange] = {}
        for change in self._pending:
            first = merged.get(change.spec.var)
            merged[change.spec.var] = StatChange(change.spec, first.old if first else change.old, change.new)
        self._pending.clear()
        return [
            merged[spec.var] for spec in self.specs
            if spec.var in merged and merged[spec.var].new != merged[spec.var].old
        ]

    def snapshot(self) -> dict[str, float]:
        return dict(self.values)

    def lucidity(self) -> float | None:
        """The lucidity-kind stat's place in its range (0..1), or None if the story declares none."""
        for spec in self.specs:
            if spec.kind == "lucidity" and spec.var in self.values:
                return spec.fraction(self.values[spec.var])
        return None
