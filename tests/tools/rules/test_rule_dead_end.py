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


def test_a_knot_that_loops_into_itself_never_runs_out(builder):
    g = builder().knot("hall").edge("", "hall").choice("hall", "again", targets=("hall",))
    assert g.lint("L002") == []


def test_a_knot_that_returns_is_a_tunnel_not_a_dead_end(builder):
    g = builder().knot("aside", returns=True, runs_out=True).knot("main").edge("", "main")
    g.edge("main", "aside", "tunnel").edge("main", "END")
    assert g.lint("L002") == []


def test_a_function_call_is_not_a_way_out(builder):
    g = builder().knot("hall", runs_out=True).edge("", "hall").edge("hall", "helper", "call")
    assert g.lint("L002") == ["L002"]


def test_a_knot_that_only_loops_in_ink_is_not_a_dead_end(ink_codes):
    assert "L002" not in ink_codes("""
        -> hall
        === hall ===
        A long hall.
        + [Walk on] -> hall
        """)


def test_a_tunnel_in_ink_is_not_a_dead_end(ink_codes):
    assert "L002" not in ink_codes("""
        -> main
        === main ===
        Before. -> aside ->
        After. -> END
        === aside ===
        A thought.
        ->->
        """)
