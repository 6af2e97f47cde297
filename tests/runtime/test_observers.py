"""Variable observers (`Engine.observe`): what the player's HUD and the guided search rely on: one
value per changed variable per line, of the kind the runtime reads it as, and an observer that raises
never stops the story."""

from __future__ import annotations

import textwrap

import pytest

from dreamphases.compiler import compile_source
from dreamphases.runtime.engine import Engine

STORY = """\
LIST moods = calm, (cross), sleepy
VAR count = 0
VAR flag = false
VAR ratio = 0.5
VAR word = "start"
VAR mood = calm
~ count = -7
~ flag = true
~ ratio = 2.25
~ word = "after {count}"
~ mood = (cross, sleepy)
~ count = count + 100
Done.
-> END
"""


def _engine() -> Engine:
    result = compile_source(textwrap.dedent(STORY), "story.ink")
    assert result.json_text is not None
    return Engine(result.json_text)


@pytest.mark.parametrize("name", ["count", "flag", "ratio", "word", "mood"])
def test_an_observer_sees_each_assignment_as_the_runtime_reads_the_variable(name: str) -> None:
    engine = _engine()
    seen: list[tuple[str, object]] = []
    engine.observe(name, lambda changed, value: seen.append((changed, value)))
    engine.next_text()
    final = engine.get_variable(name)
    assert seen and all(changed == name for changed, _ in seen)
    assert type(seen[-1][1]) is type(final) and _plain(seen[-1][1]) == _plain(final)


def _plain(value: object) -> object:
    """A list's items (its default text carries the runtime object's address), any other value as is."""
    items = getattr(value, "items", None)
    return sorted(items) if isinstance(items, list) else value


def test_an_observer_sees_ints_bools_and_floats_exactly() -> None:
    # the runtime reports a variable's value once per line, after its last assignment there
    engine = _engine()
    seen: dict[str, list[object]] = {}
    for name in ("count", "flag", "ratio"):
        engine.observe(name, lambda changed, value: seen.setdefault(changed, []).append(value))
    engine.next_text()
    assert seen == {"count": [93], "flag": [True], "ratio": [2.25]}
    assert type(seen["flag"][0]) is bool and type(seen["count"][0]) is int


def test_an_observer_that_raises_does_not_stop_the_story() -> None:
    engine = _engine()

    def broken(_name: str, _value: object) -> None:
        raise ValueError("observer bug")

    engine.observe("count", broken)
    assert engine.next_text() == "Done.\n"


def test_an_observed_float_has_the_runtimes_precision_as_get_variable_reads_it() -> None:
    # the runtime keeps floats in single precision: an observer gets what `get_variable` gives, not 0.1
    result = compile_source("VAR tenth = 0.0\n~ tenth = 0.1\nDone.\n-> END\n", "story.ink")
    assert result.json_text is not None
    engine = Engine(result.json_text)
    seen: list[object] = []
    engine.observe("tenth", lambda _name, value: seen.append(value))
    engine.next_text()
    assert seen == [engine.get_variable("tenth")] and seen[0] != 0.1
