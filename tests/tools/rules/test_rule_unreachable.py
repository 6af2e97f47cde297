"""L001 unreachable: knots, stitches and labels no path reaches."""

from __future__ import annotations

import pytest


def test_a_knot_nothing_diverts_to_is_reported(builder):
    g = builder().knot("start", line=2).knot("orphan", line=5).edge("", "start").edge("start", "END")
    assert g.messages("L001") == ["the knot `orphan` is never reached: nothing diverts to it"]


def test_knots_reached_by_divert_choice_and_tunnel_are_not_reported(builder):
    g = (builder().knot("a").knot("b").knot("c").knot("t")
         .edge("", "a").choice("a", "go", targets=("b",)).edge("b", "t", "tunnel").edge("b", "c"))
    assert g.lint("L001") == []


def test_only_the_outermost_unreachable_node_is_reported(builder):
    g = builder().knot("dead").node("dead.part", "stitch").node("dead.part.here", "label")
    assert g.messages("L001") == ["the knot `dead` is never reached: nothing diverts to it"]


def test_a_knot_stored_as_a_divert_target_value_counts_as_reached(builder):
    g = builder().knot("later").var("next_scene", "-> later").edge("", "later", "target")
    assert g.lint("L001") == []


def test_a_divert_target_value_in_unreachable_code_does_not_make_its_knot_reachable(builder):
    g = builder().knot("dead", line=3).knot("later", line=6).edge("dead", "later", "target")
    assert g.messages("L001") == ["the knot `dead` is never reached: nothing diverts to it",
                                  "the knot `later` is never reached: nothing diverts to it"]


@pytest.mark.parametrize("story", [
    """
    VAR next_scene = -> later
    -> start
    === start ===
    Now. -> next_scene
    === later ===
    Later. -> END
    """,
    """
    -> start
    === start ===
    ~ go(-> later)
    -> END
    === function go(target) ===
    ~ return
    === later ===
    Later. -> END
    """,
])
def test_a_knot_stored_in_a_variable_is_reachable_in_ink(ink_codes, story):
    assert "L001" not in ink_codes(story)


def test_unreachable_knot_in_ink(ink_codes):
    assert ink_codes("""
        -> start
        === start ===
        Hello. -> END
        === forgotten ===
        Nobody comes here. -> END
        """) == ["L001"]


def test_reachable_knots_in_ink(ink_codes):
    assert ink_codes("""
        -> start
        === start ===
        * [Left] -> left
        * [Right] -> right.inner
        === left ===
        Left. -> END
        === right ===
        = inner
        Right. -> END
        """) == []


def test_a_knot_entered_only_at_a_stitch_is_in_use(builder):
    g = builder().knot("house").node("house.attic", "stitch").edge("", "house.attic")
    assert g.lint("L001") == []
