"""L002 dead-end: a knot whose paths can only run out of content."""

from __future__ import annotations


def test_a_knot_that_only_runs_out_is_reported(builder):
    g = builder().knot("hall", line=4, runs_out=True, runs_out_at=(6,)).edge("", "hall")
    assert g.messages("L002") == ["the knot `hall` has no way out: it can only end by running out of content here"]


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


def test_a_dead_end_knot_gets_one_warning_where_it_runs_out(check_ink):
    # the compiler's W001 and L002 describe one problem: `check` shows it once, at the place
    result = check_ink("""
        -> hall
        === hall ===
        A long hall.
        """)
    assert [(d.code, d.span.line) for d in result.diagnostics] == [("L002", 3)]


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


def test_a_dead_end_is_still_found_beside_an_error_in_another_knot(check_codes):
    # the misspelt divert target is an error in `start`; `hall` compiled cleanly and is judged
    codes = check_codes("""
        -> start
        === start ===
        * [Go] -> hal
        * [Stay] -> hall
        === hall ===
        A long hall.
        """)
    assert sorted(codes) == ["E012", "L002"]


def test_no_dead_end_is_claimed_where_the_parser_gave_up(check_codes):
    codes = check_codes("""
        -> hall
        === hall ===
        A long hall. {
        -> END
        """)
    assert "L002" not in codes and "W001" not in codes and "E002" in codes
