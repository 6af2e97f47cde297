"""The `# stat:` grammar: what it accepts, and the problem it reports for everything else."""

from __future__ import annotations

import pytest

from dreamphases.statspec import StatProblem, StatSpec, parse_stat_tag, stat_specs, stat_tag_var, validate_stat_tags


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("stat: lucidity, Lucidity, 0..100, lucidity", StatSpec("lucidity", "Lucidity", 0, 100, "lucidity")),
        ("stat: bond_milo, Milo, -10..10, bond", StatSpec("bond_milo", "Milo", -10, 10, "bond")),
        ("stat: fuel, Fuel left, 0..1.5", StatSpec("fuel", "Fuel left", 0, 1.5, "meter")),
        ("  STAT :x,X,-5 .. -1 , METER ", StatSpec("x", "X", -5, -1, "meter")),
    ],
)
def test_a_well_formed_tag_parses_to_its_spec(tag: str, expected: StatSpec) -> None:
    assert parse_stat_tag(tag) == expected


def test_kind_defaults_to_meter() -> None:
    spec = parse_stat_tag("stat: hope, Hope, 0..10")
    assert isinstance(spec, StatSpec) and spec.kind == "meter"


@pytest.mark.parametrize(
    ("tag", "code", "says"),
    [
        ("stat: hope, Hope", "stat-fields", "3 or 4"),
        ("stat: hope, Hope, 0..10, meter, extra", "stat-fields", "found 5"),
        ("stat: 2hope, Hope, 0..10", "stat-variable", "not a variable name"),
        ("stat: hope, , 0..10", "stat-label", "empty label"),
        ("stat: hope, Hope, 0-10", "stat-range", "not a range"),
        ("stat: hope, Hope, 10..0", "stat-range", "min must be below max"),
        ("stat: hope, Hope, 5..5", "stat-range", "empty"),
        ("stat: hope, Hope, 0..10, mood", "stat-kind", "meter, bond, lucidity"),
        ("stat: hope | Hope | 0..10", "stat-fields", "found 1"),
    ],
)
def test_a_malformed_tag_is_a_problem_with_a_clear_message(tag: str, code: str, says: str) -> None:
    problem = parse_stat_tag(tag)
    assert isinstance(problem, StatProblem)
    assert problem.code == code
    assert says in problem.message
    assert "# stat:" in problem.hint


def test_validation_skips_other_tags() -> None:
    assert validate_stat_tags(["title: X", "author: Y", "stat: a, A, 0..1"]) == []


def test_validation_reports_a_stat_declared_twice() -> None:
    problems = validate_stat_tags(["stat: a, A, 0..1", "stat: a, Again, 0..5"])
    assert [p.code for p in problems] == ["stat-duplicate"]


def test_validation_reports_a_stat_without_its_variable() -> None:
    problems = validate_stat_tags(["stat: ghost, Ghost, 0..1"], variables={"lucidity": 5})
    assert [p.code for p in problems] == ["stat-unknown-variable"]
    assert "VAR ghost" in problems[0].message


@pytest.mark.parametrize("initial", ["text", True, None])
def test_validation_reports_a_stat_that_is_not_a_number(initial: object) -> None:
    problems = validate_stat_tags(["stat: mood, Mood, 0..1"], variables={"mood": initial})
    assert [p.code for p in problems] == ["stat-not-a-number"]


def test_only_one_stat_may_be_the_lucidity_kind() -> None:
    problems = validate_stat_tags(["stat: a, A, 0..1, lucidity", "stat: b, B, 0..1, lucidity"])
    assert [p.code for p in problems] == ["stat-lucidity-twice"]


def test_the_player_keeps_the_well_formed_stats_in_order() -> None:
    tags = ["stat: b, B, 0..1", "stat: broken", "title: T", "stat: a, A, 0..2", "stat: b, Other, 0..9"]
    specs = stat_specs(tags)
    assert [(s.var, s.label) for s in specs] == [("b", "B"), ("a", "A")]


@pytest.mark.parametrize(("value", "fraction"), [(-10, 0.0), (0, 0.5), (10, 1.0), (99, 1.0), (-99, 0.0)])
def test_fraction_is_clamped_to_the_range(value: float, fraction: float) -> None:
    assert StatSpec("b", "B", -10, 10).fraction(value) == fraction


@pytest.mark.parametrize("tag, var", [("stat: calm, Calm, 0..10", "calm"), ("Stat : calm", "calm"),
                                      ("stats: calm, Calm, 0..10", None), ("statue: x", None), ("stat:", None)])
def test_the_variable_a_stat_tag_names_is_read_by_the_one_grammar(tag: str, var: str | None) -> None:
    assert stat_tag_var(tag) == var
