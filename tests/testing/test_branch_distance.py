"""Branch distance: how far a state's values are from taking a branch, on the typed condition tree."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from dreamphases.compiler import compile_path
from dreamphases.compiler.expr_tree import source
from dreamphases.testing.branch_distance import UNDECIDED, Guards, Values, compiled, distance, term_inputs

STORY = """\
VAR trust = 0
VAR brave = false
LIST kept = ring, key, map
-> hall
== function ready() ==
~ return trust >= 6 and brave
== hall
* (rested) [Rest] -> hall
+ [Leave] -> gate
== gate
{ready():
    -> vault
}
-> END
== vault
{ trust >= 8 and not hall.rested:
    Gold.
- else:
    Dust.
}
{LIST_COUNT(kept) >= 2: Full pockets.}
-> END
"""


@pytest.fixture(scope="module")
def guards(tmp_path_factory: pytest.TempPathFactory) -> Guards:
    path = tmp_path_factory.mktemp("story") / "vault.ink"
    path.write_text(STORY, encoding="utf-8")
    graph = compile_path(path).graph
    assert graph is not None
    ids = [f"?{i}" for i in range(len(graph.branches))]
    return Guards.build(graph, ids)


def branch(guards: Guards, text: str) -> str:
    """The coverage id of the branch whose guard starts with `text`."""
    return next(i for i, g in guards.guard.items() if source(g).startswith(text))


def values(**variables: object) -> Values:
    counts = {"hall.rested": int(variables.pop("rested", 0))}  # type: ignore[call-overload]
    return Values(variables, counts)


def test_a_guard_includes_the_way_into_its_knot_with_functions_inlined(guards: Guards) -> None:
    gold = branch(guards, "trust >= 8")
    assert source(guards.guard[gold]) == "trust >= 8 and not hall.rested and (trust >= 6 and brave)"
    assert guards.knot[gold] == "vault"
    assert {"trust", "brave"} <= guards.variables and "hall.rested" in guards.counts


def test_distance_is_zero_exactly_when_the_guard_holds(guards: Guards) -> None:
    gold = guards.guard[branch(guards, "trust >= 8")]
    assert distance(gold, values(trust=9, brave=True)) == 0
    assert distance(gold, values(trust=9, brave=True, rested=1)) > 0


def test_distance_shrinks_as_a_stat_nears_its_threshold(guards: Guards) -> None:
    gold = guards.guard[branch(guards, "trust >= 8")]
    far, nearer, near = (distance(gold, values(trust=t, brave=True)) for t in (0, 5, 7))
    assert far > nearer > near > 0


def test_an_unmet_flag_costs_more_than_a_near_miss_and_conjuncts_add_up(guards: Guards) -> None:
    gold = guards.guard[branch(guards, "trust >= 8")]
    near_miss = distance(gold, values(trust=7, brave=True))
    flag = distance(gold, values(trust=8, brave=False))
    both = distance(gold, values(trust=7, brave=False))
    assert near_miss < flag < both


def test_an_else_branch_wants_the_negation(guards: Guards) -> None:
    dust = guards.guard[branch(guards, "not (trust >= 8")]
    assert distance(dust, values(trust=9, brave=True, rested=1)) == 0
    assert distance(dust, values(trust=9, brave=True)) > 0


def test_a_false_term_whose_inputs_cannot_change_any_more_is_unreachable(guards: Guards) -> None:
    gold = guards.guard[branch(guards, "trust >= 8")]
    settled = values(trust=9, brave=True, rested=1)
    settled.fixed = lambda name: name == "hall.rested"
    assert distance(gold, settled) == math.inf


def test_what_the_values_cannot_decide_costs_a_constant(guards: Guards) -> None:
    pockets = guards.guard[branch(guards, "LIST_COUNT")]
    assert distance(pockets, values(trust=6, brave=True)) == UNDECIDED
    assert distance(pockets, values(trust=6, brave=True, kept=frozenset({"ring", "key"}))) == 0


@pytest.mark.parametrize("state", [
    {"trust": 0, "brave": False}, {"trust": 7, "brave": True}, {"trust": 9, "brave": True, "rested": 1},
    {"trust": 6, "brave": True, "kept": frozenset({"ring"})}, {"trust": 2.5, "brave": True}, {},
])
def test_a_compiled_guard_gives_the_same_distance_as_the_tree(guards: Guards, state: dict[str, object]) -> None:
    given = values(**state)
    for guard in guards.guard.values():
        assert compiled(guard)(given.variables, given.counts) == distance(guard, given)


@pytest.mark.parametrize("state", [
    {"trust": 0, "brave": False}, {"trust": 7, "brave": True}, {"trust": 9, "brave": True, "rested": 1}, {},
])
def test_a_guard_none_of_whose_term_inputs_is_settled_measures_as_if_nothing_were(
        guards: Guards, state: dict[str, object]) -> None:
    # the guided search skips walking the tree when no input `term_inputs` lists is settled: nothing
    # else it reads may make a false term final
    for guard in guards.guard.values():
        others = values(**state)
        others.fixed = _all_but(term_inputs(guard))
        assert distance(guard, others) == distance(guard, values(**state))


def _all_but(inputs: set[str]) -> Callable[[str], bool]:
    """A `Values.fixed` that settles everything except these inputs."""
    return lambda name: name not in inputs


def test_a_settled_input_is_one_of_the_term_inputs(guards: Guards) -> None:
    gold = guards.guard[branch(guards, "trust >= 8")]
    assert {"trust", "brave", "hall.rested"} <= term_inputs(gold)
