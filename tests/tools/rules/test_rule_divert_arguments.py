"""L007 divert-arguments: diverts passing the wrong number of arguments to a knot."""

from __future__ import annotations


def test_too_few_arguments_are_reported(builder):
    g = builder().knot("meet", params=("who", "mood")).edge("", "meet", arg_count=1)
    assert g.messages("L007") == [
        "this divert to `meet` passes 1 argument, but the knot takes 2 arguments (who, mood)"]


def test_arguments_to_a_knot_without_parameters_are_reported(builder):
    g = builder().knot("meet").edge("", "meet", "tunnel", arg_count=1)
    assert g.lint("L007") == ["L007"]


def test_the_right_count_is_fine(builder):
    g = builder().knot("meet", params=("who",)).edge("", "meet", arg_count=1)
    assert g.lint("L007") == []


def test_the_finding_is_an_error(builder):
    from dreamphases.tools.rules import rule_by_code

    assert rule_by_code("L007").severity.value == "error"


def test_right_arguments_in_ink(ink_codes):
    assert "L007" not in ink_codes("""
        -> meet("Milo")
        === meet(who) ===
        Hello, {who}. -> END
        """)


def test_wrong_arguments_in_ink_are_reported_once(check_ink):
    result = check_ink("""
        -> meet("Milo", 2)
        === meet(who) ===
        Hello, {who}. -> END
        """)
    assert [d.span.line for d in result.diagnostics if d.is_error] == [1]
