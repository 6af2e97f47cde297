"""Graph questions shared by the tools, and the condition evaluator the stat rules use."""

from __future__ import annotations

import pytest

from dreamphases.tools.conditions import Unknown, compile_condition, fold
from dreamphases.tools.reading import Passages
from dreamphases.tools.stats import compute_stats


def test_a_chain_of_thousands_of_diverts_does_not_overflow(builder):
    g = builder()
    previous = ""
    for number in range(5000):
        g.knot(f"k{number}", words=1).edge(previous, f"k{number}")
        previous = f"k{number}"
    g.edge(previous, "END", ending="end")
    words, path = Passages.build(g.graph).longest_run("")
    assert (words, len(path)) == (5000, 5001)
    [route] = compute_stats(g.graph).routes
    assert route.shortest_words == route.longest_words == 5000
    assert g.lint("L011", max_words=10) == ["L011"]


@pytest.mark.parametrize(("text", "env", "value"), [
    ("calm > 3 and not afraid", {"calm": 4, "afraid": False}, True),
    ("calm > 3 && !afraid", {"calm": 4, "afraid": True}, False),
    ("calm mod 2 == 1 || calm == 10", {"calm": 10}, True),
    ("7 / 2", {}, 3),
    ("-2 * (3 + 1)", {}, -8),
    ("1 < calm <= 5", {"calm": 5}, True),
])
def test_conditions_evaluate_like_ink(text, env, value):
    assert compile_condition(text)(env) == value


@pytest.mark.parametrize("text", ["has_seen(x)", "inventory ? key", "knot.stitch", "x ^ y", "a +", "1 / 0",
                                  "(" * 500 + "1" + ")" * 500])
def test_what_cannot_be_judged_is_unknown_not_guessed(text):
    with pytest.raises(Unknown):
        fold(text, {"x": 1, "y": 2, "a": 1})


def test_an_unknown_variable_is_unknown():
    with pytest.raises(Unknown):
        fold("mystery > 1")
