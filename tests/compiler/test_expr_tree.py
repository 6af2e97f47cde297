"""Conditions in the story graph are typed expression trees, printed by one precedence-aware printer."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dreamphases.compiler import compile_source
from dreamphases.compiler import expr_tree as T
from dreamphases.compiler.expr_build import parse_condition

STORY = """\
VAR calm = 0
VAR a = true
VAR b = false
CONST LIMIT = 3
LIST mood = happy, (sad)
~ temp t = 2
{{{cond}: yes}}
-> knot(1)
=== knot(p) ===
{{p > 0: yes}}
* [go] -> END
"""


def branch_condition(cond: str) -> T.Expr:
    result = compile_source(STORY.format(cond=cond))
    assert result.json_text is not None, result.diagnostics
    assert result.graph is not None
    return result.graph.branches[0].condition


@pytest.mark.parametrize("text", [
    "(calm + 1) * 2 > 9",
    "not (a and b)",
    "not a and b",
    "calm - (1 - 2) > 0",
    "calm - 1 - 2 > 0",
    "-(calm + 1) < 0",
    "(a or b) and calm == 1",
    "mood has sad",
    "mood hasnt (happy, sad)",
    "RANDOM(1, 6) >= LIMIT",
    "TURNS_SINCE(-> knot) > 2",
    "knot > 0",
])
def test_conditions_survive_the_round_trip_to_the_graph(text):
    assert T.source(branch_condition(text)) == text


def test_mixed_and_or_are_parenthesised_as_ink_groups_them():
    # ink gives `and` and `or` one precedence, left to right
    assert T.source(branch_condition("a or b and calm == 1")) == "(a or b) and calm == 1"
    assert T.source(branch_condition("a and b or calm == 1")) == "(a and b) or calm == 1"


def test_names_are_resolved_in_the_tree():
    cond = branch_condition("calm > LIMIT and knot == 0 and t == 2 and mood has sad")
    nodes = list(T.walk(cond))
    assert T.Var("calm", "global") in nodes
    assert T.Var("t", "temp") in nodes
    assert T.ReadCount("knot", "knot") in nodes
    assert T.Const("LIMIT", T.Num(3)) in nodes
    assert T.ListItem("sad", "mood", "sad", 2) in nodes
    assert T.variables_read(cond) == ("calm", "t", "mood")


def test_what_an_expression_writes():
    result = compile_source("VAR a = 0\nVAR b = 0\n{bump(a) + b > 0: yes}\n-> END\n"
                            "== function bump(ref x) ==\n~ x++\n~ return x\n")
    assert result.graph is not None
    cond = result.graph.branches[0].condition
    assert T.variables_written(cond) == ("a",)
    assert T.variables_read(cond) == ("a", "b")


def test_parameters_are_told_apart_from_temporaries():
    result = compile_source(STORY.format(cond="true"))
    assert result.graph is not None
    [_, inside] = result.graph.branches
    assert T.Var("p", "param") in list(T.walk(inside.condition))


def test_an_else_branch_is_the_negation_of_those_before_it():
    result = compile_source("VAR x = 1\n{\n- x > 1 and x < 5: a\n- x == 0: b\n- else: c\n}\n-> END\n")
    assert result.graph is not None
    assert [T.source(b.condition) for b in result.graph.branches] == [
        "x > 1 and x < 5", "x == 0", "not ((x > 1 and x < 5) or x == 0)"]


def test_a_switch_case_compares_the_subject():
    result = compile_source("VAR x = 1\n{x + 1:\n- 2: two\n- else: other\n}\n-> END\n")
    assert result.graph is not None
    assert [T.source(b.condition) for b in result.graph.branches] == ["x + 1 == 2", "not (x + 1 == 2)"]


@pytest.mark.parametrize(("text", "env", "value"), [
    ("calm > 3 and not afraid", {"calm": 4, "afraid": False}, True),
    ("calm > 3 && !afraid", {"calm": 4, "afraid": True}, False),
    ("calm mod 2 == 1 || calm == 10", {"calm": 10}, True),
    ("7 / 2", {}, 3),
    ("-7 / 2", {}, -3),
    ("-7 % 2", {}, -1),
    ("7.0 / 2", {}, 3.5),
    ("-2 * (3 + 1)", {}, -8),
    ("not (calm > 3 and calm > 20)", {"calm": 0}, True),
    ('"a" == "a"', {}, True),
])
def test_conditions_evaluate_like_ink(text, env, value):
    assert T.evaluate(parse_condition(text), env) == value


@pytest.mark.parametrize("text", ["has_seen(x)", "inventory ? key", "knot.stitch > 1", "x ^ y", "1 / 0",
                                  "mystery > 1", '"a" == 1'])
def test_what_cannot_be_judged_is_unknown_not_guessed(text):
    with pytest.raises(T.Unknown):
        T.evaluate(parse_condition(text), {"x": 1, "y": 2, "a": 1})


def test_text_that_is_not_an_expression_is_refused():
    with pytest.raises(ValueError, match="expected a value"):
        parse_condition("a +")


def test_numbers_include_constants_and_signs():
    assert sorted(T.numbers(parse_condition("x > -2 and x < 7.5"))) == [-2, 7.5]


# -- the printer against the parser, on arbitrary trees --------------------------------------------

_names = st.sampled_from(["a", "b", "calm", "x_1", "été"])
_leaves: st.SearchStrategy[T.Expr] = st.one_of(
    st.integers(-50, 50).map(T.Num),
    st.sampled_from([0.5, 2.25, -1.5]).map(T.Num),
    st.booleans().map(T.Bool),
    _names.map(lambda n: T.Var(n, "global")),
    st.sampled_from(["hi", "two words", ""]).map(lambda s: T.Str((s,))),
    st.sampled_from(["knot", "knot.stitch"]).map(lambda p: T.DivertTarget(p, p)),
    _names.map(lambda n: T.Increment(T.Var(n, "global"), "++")),
)


def _extend(inner: st.SearchStrategy[T.Expr]) -> st.SearchStrategy[T.Expr]:
    return st.one_of(
        st.builds(T.Binary, st.sampled_from(sorted(T.PRECEDENCE)), inner, inner),
        st.builds(T.Unary, st.just("not"), inner),
        # `-` before a literal number folds into the number, so it is only generated before others
        st.builds(T.Unary, st.just("-"), inner.filter(lambda e: not isinstance(e, T.Num))),
        st.builds(T.Call, st.sampled_from(["MIN", "POW"]), st.tuples(inner, inner), st.just("builtin")),
    )


trees = st.recursive(_leaves, _extend, max_leaves=12)


@given(trees)
def test_printing_then_parsing_gives_back_the_same_tree(tree):
    assert parse_condition(T.source(tree)) == tree
