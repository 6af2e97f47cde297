"""L003 stuck-choices: every option in a choice set can be unavailable at once."""

from __future__ import annotations

import pytest

STAT = "stat: courage, Courage, 0..10"


def test_two_gated_options_with_a_gap_between_them_are_reported(builder):
    g = (builder().stat(STAT).knot("door").edge("", "door")
         .choice("door", "Fight", line=3, conditions=("courage > 5",), reads=("courage",))
         .choice("door", "Flee", line=4, conditions=("courage < 3",), reads=("courage",)))
    [message] = g.messages("L003")
    assert "courage = 3" in message


@pytest.mark.parametrize("second", ["courage <= 5", "not (courage > 5)", "courage <= 5 || courage > 9"])
def test_options_that_cover_the_whole_range_are_not_reported(builder, second):
    g = (builder().stat(STAT).knot("door")
         .choice("door", "Fight", conditions=("courage > 5",), reads=("courage",))
         .choice("door", "Flee", conditions=(second,), reads=("courage",)))
    assert g.lint("L003") == []


def test_an_unconditional_option_or_a_fallback_keeps_the_reader_moving(builder):
    g = (builder().stat(STAT).knot("door")
         .choice("door", "Fight", conditions=("courage > 5",), reads=("courage",))
         .choice("door", "", fallback=True))
    assert g.lint("L003") == []


def test_conditions_on_things_other_than_stats_are_not_guessed(builder):
    g = (builder().stat(STAT).knot("door")
         .choice("door", "Fight", conditions=("courage > 5",), reads=("courage",))
         .choice("door", "Flee", conditions=("has_key",), reads=("has_key",)))
    assert g.lint("L003") == []


def test_a_condition_impossible_within_the_range_is_found(builder):
    g = builder().stat(STAT).knot("door")
    g.choice("door", "Fly", conditions=("courage > 10",), reads=("courage",))
    assert g.lint("L003") == ["L003"]


STORY = """
    # stat: courage, Courage, 0..10
    VAR courage = 5
    -> door
    === door ===
    ~ courage += 1
    * {{courage > 5}} [Fight] -> END
    * {{{second}}} [Flee] -> END
    """


def test_stuck_choices_in_ink(ink_codes):
    assert "L003" in ink_codes(STORY.format(second="courage < 3"))


def test_covering_choices_in_ink(ink_codes):
    assert "L003" not in ink_codes(STORY.format(second="courage <= 5"))


def test_a_negated_group_keeps_its_parentheses(ink_codes):
    # `not (courage > 3 and courage > 20)` holds for every courage in 0..10: never stuck. Read without
    # its parentheses (`not courage > 3 and courage > 20`) it would never hold.
    story = """
    # stat: courage, Courage, 0..10
    VAR courage = 0
    -> door
    === door ===
    ~ courage += 1
    * {not (courage > 3 and courage > 20)} [Wait] -> END
    """
    assert "L003" not in ink_codes(story)
