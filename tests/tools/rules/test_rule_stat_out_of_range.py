"""L006 stat-out-of-range: constant assignments (and initial values) outside the declared range."""

from __future__ import annotations

import pytest

STAT = "stat: hope, Hope, 0..10"


@pytest.mark.parametrize(("op", "value"), [("=", 11), ("=", -1), ("+=", 12), ("-=", 11)])
def test_writes_that_leave_the_range_are_reported(builder, op, value):
    g = builder().stat(STAT).var("hope").use("hope", "write", op=op, value=value)
    assert g.lint("L006") == ["L006"]


@pytest.mark.parametrize(("op", "value"), [("=", 10), ("=", 0), ("+=", 3), ("-=", 10), ("=", None)])
def test_writes_inside_the_range_or_not_constant_are_fine(builder, op, value):
    g = builder().stat(STAT).var("hope").use("hope", "write", op=op, value=value)
    assert g.lint("L006") == []


def test_an_initial_value_outside_the_range_is_reported(builder):
    g = builder().stat(STAT).var("hope", "5 * 3")
    assert g.messages("L006") == ["the stat `hope` starts at 15, outside its declared range 0..10"]


def test_out_of_range_in_ink(ink_codes):
    assert "L006" in ink_codes("""
        # stat: hope, Hope, 0..10
        VAR hope = 5
        ~ hope = 20
        { hope > 3: Bright. }
        -> END
        """)


def test_in_range_in_ink(ink_codes):
    assert "L006" not in ink_codes("""
        # stat: hope, Hope, 0..10
        VAR hope = 5
        ~ hope = 10
        { hope > 3: Bright. }
        -> END
        """)
