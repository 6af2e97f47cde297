"""L012 stat-declaration: malformed stat tags and stats naming missing or non-numeric variables."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("tag", "variables"), [
    ("stat: mood, Mood, 10..0", {"mood": "0"}),
    ("stat: mood, Mood", {"mood": "0"}),
    ("stat: mood, Mood, 0..10", {}),
    ("stat: mood, Mood, 0..10", {"mood": '"calm"'}),
])
def test_bad_declarations_are_reported(builder, tag, variables):
    g = builder().stat(tag)
    for name, initial in variables.items():
        g.var(name, initial)
    assert g.lint("L012") == ["L012"]


def test_a_good_declaration_is_fine(builder):
    g = builder().stat("stat: mood, Mood, -3..3, bond").var("mood", "0")
    assert g.lint("L012") == []


def test_a_stat_naming_a_missing_variable_in_ink(check_ink):
    result = check_ink("""
        # stat: mood, Mood, 0..10
        Hello. -> END
        """)
    assert "L012" in [d.code_id for d in result.diagnostics] or "W005" in [
        d.code_id for d in result.diagnostics]


def test_a_good_stat_in_ink(ink_codes):
    assert "L012" not in ink_codes("""
        # stat: mood, Mood, 0..10
        VAR mood = 3
        ~ mood += 1
        { mood > 3: Fine. }
        -> END
        """)
