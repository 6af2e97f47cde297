"""L002 dead-end: a knot whose paths can only run out of content."""

from __future__ import annotations


def test_a_knot_that_only_runs_out_is_reported(builder):
    g = builder().knot("hall", line=4, runs_out=True).edge("", "hall")
    assert g.messages("L002") == ["the knot `hall` can only end by running out of content"]


def test_a_knot_with_one_way_out_is_left_to_the_loose_end_warning(builder):
    g = builder().knot("hall", runs_out=True).edge("", "hall").edge("hall", "END")
    assert g.lint("L002") == []


def test_a_way_out_from_a_stitch_counts_for_its_knot(builder):
    g = (builder().knot("hall", runs_out=True).node("hall.door", "stitch")
         .edge("", "hall").edge("hall", "hall.door", "fallthrough").edge("hall.door", "END"))
    assert g.lint("L002") == []


def test_dead_end_knot_in_ink(ink_codes):
    found = ink_codes("""
        -> hall
        === hall ===
        A long hall.
        * [Look] The walls are bare.
        * [Wait] Nothing happens.
        - The end of the hall.
        """)
    assert "L002" in found


def test_knot_ending_in_end_in_ink(ink_codes):
    assert "L002" not in ink_codes("""
        -> hall
        === hall ===
        A long hall.
        * [Look] The walls are bare.
        * [Wait] Nothing happens.
        - The end of the hall. -> END
        """)
