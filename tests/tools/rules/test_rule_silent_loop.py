"""L031 silent-loop: a loop proven to run forever with no text and no choice."""

from __future__ import annotations

import pytest


def test_a_label_that_diverts_to_itself_is_reported(check_ink):
    result = check_ink("""
        The lamp flickers.
        - (l)
        -> l
        """)
    [found] = [d for d in result.diagnostics if d.code == "L031"]
    assert "`l`" in found.message and found.span.line == 2


def test_two_knots_that_divert_to_each_other_are_one_loop(ink_codes):
    assert ink_codes("""
        Start.
        -> a
        === a ===
        ~ temp x = 1
        -> b
        === b ===
        -> a
        """).count("L031") == 1


@pytest.mark.parametrize("loop", [
    "- (l) Tick.\n-> l",                            # text each time round
    "- (l)\n{x}\n-> l",                             # prints a value
    "- (l)\n~ x++\n{ x > 3: -> END }\n-> l",        # a condition that can change
    "- (l)\n* [Again] -> l\n* [Stop] -> END",       # a choice
    "- (l)\n~ f()\n-> l\n=== function f ===\nHi.",  # a call that may print
])
def test_a_loop_with_output_a_choice_or_a_way_out_is_not_reported(ink_codes, loop):
    assert "L031" not in ink_codes(f"VAR x = 0\nStart.\n{loop}\n")


def test_a_loop_that_only_writes_is_still_silent(ink_codes):
    assert "L031" in ink_codes("VAR x = 0\nStart.\n- (l)\n~ x++\n-> l\n")


def test_an_unreachable_silent_loop_is_left_to_the_unreachable_rule(ink_codes):
    found = ink_codes("Start.\n-> END\n=== spin ===\n- (l)\n-> l\n")
    assert "L031" not in found and "L001" in found
