"""A compiled guard (`branch_distance.compiled`, what the guided search measures with) gives exactly the
distance walking the guard's tree gives, whatever values its inputs hold: ints and floats near and
far from each constant, bools where numbers are compared, strings, lists, inputs missing."""

from __future__ import annotations

import math
import random
from pathlib import Path

import pytest

from dreamphases.compiler import compile_path, compile_source
from dreamphases.compiler.expr_tree import Binary, Num, Var, walk
from dreamphases.testing.branch_distance import Guards, Values, compiled, distance, inputs_of

BUNDLED = Path(__file__).resolve().parents[2] / "story" / "dreamphases.ink"

#: every comparison with a number the compiled form writes out, against ints, floats and a negative
COMPARISONS = """\
VAR n = 0
VAR x = 0.5
VAR flag = false
VAR word = "a"
LIST bag = one, two
-> top
=== top ===
{n == 3: -> top.a}
{n != -2: -> top.a}
{n < 4 and x < 1.5: -> top.a}
{n <= -1 or x <= 0.25: -> top.a}
{n > 2 and not (x > 2.5): -> top.a}
{n >= 7 or x >= -3.5: -> top.a}
{not (n == 3) and x == 0.5 and x != 2: -> top.a}
{flag and word == "b" and LIST_COUNT(bag) >= 1 and n + 2 > x: -> top.a}
{(flag or n > 3) and (x < 1 or word != "a"): -> top.a}
-> END
= a
-> END
"""


def _guards(graph: object) -> Guards:
    ids = [f"?{i}" for i in range(len(graph.branches))]  # type: ignore[attr-defined]
    return Guards.build(graph, ids)  # type: ignore[arg-type]


def _bundled() -> Guards:
    graph = compile_path(BUNDLED).graph
    assert graph is not None
    return _guards(graph)


def _comparisons() -> Guards:
    graph = compile_source(COMPARISONS, "story.ink").graph
    assert graph is not None
    return _guards(graph)


def _values_near(constants: list[float], rng: random.Random) -> object:
    """A value of any kind an input may hold, numbers mostly at or next to the guard's constants."""
    pick = rng.random()
    if pick < 0.55 and constants:
        c = rng.choice(constants)
        return rng.choice([c, c - 1, c + 1, c - 0.5, c + 0.25, int(c), float(c), -c])
    return rng.choice([0, 1, -4, 12, 0.0, 2.5, True, False, "a", "b", "", frozenset(), frozenset({"one"}), None])


@pytest.mark.parametrize("guards", [_comparisons(), _bundled()], ids=["comparisons", "bundled story"])
def test_a_compiled_guard_measures_what_the_tree_measures_for_any_values(guards: Guards) -> None:
    rng = random.Random(7)
    checked = 0
    for guard in guards.guard.values():
        names, nodes = inputs_of(guard)
        constants = sorted({float(n.value) for n in walk(guard) if isinstance(n, Num)} |
                           {n.value for n in walk(guard) if isinstance(n, Num)}, key=repr)
        measure = compiled(guard)
        for _ in range(60):
            variables = {name: _values_near(constants, rng) for name in names if rng.random() < 0.9}
            variables = {k: v for k, v in variables.items() if v is not None}
            counts = {node: rng.choice([0, 1, 2]) for node in nodes if rng.random() < 0.9}
            got, want = measure(variables, counts), distance(guard, Values(variables, counts))
            assert got == want and type(got) is type(want), (guard, variables, counts)
            checked += 1
    assert checked > 500


def test_the_comparisons_story_compares_numbers_with_constants_of_both_kinds() -> None:
    # the cases above are there: an int and a float constant, a negative one, each operator
    found = {(node.op, type(node.right.value)) for guard in _comparisons().guard.values() for node in walk(guard)
             if isinstance(node, Binary) and isinstance(node.left, Var) and isinstance(node.right, Num)
             and node.op in ("==", "!=", "<", "<=", ">", ">=")}
    assert {op for op, _ in found} == {"==", "!=", "<", "<=", ">", ">="}
    assert {kind for _, kind in found} == {int, float}


def test_a_guard_too_deep_to_compile_is_measured_on_its_tree() -> None:
    deep = Var("n", "global")
    guard: Binary = Binary(">=", deep, Num(1))
    for _ in range(300):  # Python's parser allows 200 nested parentheses
        guard = Binary("and", guard, Binary("<", Var("n", "global"), Num(9)))
    assert compiled(guard)({"n": 3}, {}) == distance(guard, Values({"n": 3}, {})) == 0.0
    assert math.isclose(compiled(guard)({"n": 0}, {}), distance(guard, Values({"n": 0}, {})))
