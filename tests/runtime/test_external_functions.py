"""External functions bound with `Engine.bind_function`: what `expect(...)` and any host binding rely
on. Each argument arrives as the runtime reads it (an int, a bool, a float, a string, a list), the
function's result goes back to the story, and a function that raises never stops the story."""

from __future__ import annotations

import textwrap

import pytest

from dreamphases.compiler import compile_source
from dreamphases.runtime.engine import Engine

STORY = """\
LIST moods = calm, (cross), sleepy
VAR count = 41
VAR word = "tide"
EXTERNAL probe(a, b, c, d, e)
EXTERNAL answer()
-> start
=== function probe(a, b, c, d, e) ===
~ return
=== function answer() ===
~ return "fallback"
=== start ===
~ probe(count + 1, count > 40, 2.5, "{word}-{count}", (cross, sleepy))
Got {answer()}.
-> END
"""


def _engine() -> Engine:
    result = compile_source(textwrap.dedent(STORY), "story.ink")
    assert result.json_text is not None
    return Engine(result.json_text)


def test_a_bound_function_gets_each_argument_as_the_runtime_reads_it() -> None:
    engine = _engine()
    calls: list[tuple[object, ...]] = []
    engine.bind_function("probe", lambda name, *args: calls.append((name, *args)))
    assert engine.next_text() == "Got fallback.\n"
    assert len(calls) == 1
    name, a, b, c, d, e = calls[0]
    assert (name, a, b, c, d) == ("probe", 42, True, 2.5, "tide-41")
    assert type(a) is int and type(b) is bool and type(c) is float
    assert sorted(e.items) == [("moods.cross", 2), ("moods.sleepy", 3)]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("returned", "shown"), [(7, "Got 7.\n"), ("home", "Got home.\n"), (1.5, "Got 1.5.\n"),
                                                 (True, "Got true.\n")])
def test_what_a_bound_function_returns_goes_back_to_the_story(returned: object, shown: str) -> None:
    engine = _engine()
    engine.bind_function("answer", lambda _name: returned)
    assert engine.next_text() == shown


def test_a_bound_function_that_raises_does_not_stop_the_story() -> None:
    engine = _engine()

    def broken(_name: str, *_args: object) -> object:
        raise ValueError("host bug")

    engine.bind_function("probe", broken)
    assert engine.next_text() == "Got fallback.\n"
    assert not engine.errors


def test_a_bound_function_is_called_every_time_the_story_calls_it() -> None:
    # each argument is freed once read: thousands of calls neither fail nor change what arrives
    source = "VAR n = 0\nEXTERNAL seen(x, what)\n-> loop\n=== function seen(x, what) ===\n~ return\n" \
             "=== loop ===\n~ seen(n, \"turn {n}\")\n~ n++\n{n < 3000: -> loop}\nDone.\n-> END\n"
    result = compile_source(source, "story.ink")
    assert result.json_text is not None
    engine = Engine(result.json_text)
    got: list[tuple[object, object]] = []
    engine.bind_function("seen", lambda _name, x, what: got.append((x, what)))
    text = ""
    while engine.can_continue():
        text = engine.next_text()
    assert text == "Done.\n"
    assert got == [(n, f"turn {n}") for n in range(3000)]
