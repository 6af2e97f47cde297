"""L004 stat-never-written and L005 stat-never-read."""

from __future__ import annotations

from dreamphases.tools.lint import LintOptions, run_lint
from dreamphases.tools.rules import rule_by_code

STAT = "stat: trust, Trust, -5..5"


def test_a_stat_read_but_never_written_is_reported(builder):
    g = builder(source="# stat: trust, Trust, -5..5\nVAR trust = 0\n").stat(STAT).var("trust", line=2)
    g.use("trust", "read", line=9)
    assert g.messages("L004") == [
        "the stat `trust` (Trust) is never changed: its conditions always see the initial value"]
    assert g.lint("L004", "L005") == ["L004"]


def test_a_stat_written_but_never_read_is_reported(builder):
    g = builder().stat(STAT).var("trust").use("trust", "write", op="+=", value=1)
    assert g.lint("L004", "L005") == ["L005"]


def test_a_stat_read_and_written_is_fine(builder):
    g = builder().stat(STAT).var("trust").use("trust", "write", op="+=", value=1).use("trust", "read")
    assert g.lint("L004", "L005") == []


def test_the_finding_points_at_the_stat_tag(builder):
    g = builder(source="VAR trust = 0\n# stat: trust, Trust, -5..5\n").stat(STAT).var("trust")
    rule = rule_by_code("L004")
    assert rule is not None
    [diag] = run_lint(g.graph, [rule], LintOptions(), g.sources)
    assert (diag.span.line, diag.span.col) == (2, 1)


def test_stat_usage_in_ink(ink_codes):
    found = ink_codes("""
        # stat: trust, Trust, -5..5
        # stat: fear, Fear, 0..10
        VAR trust = 0
        VAR fear = 0
        { trust > 2: You trust them. }
        ~ fear += 1
        -> END
        """)
    assert sorted(c for c in found if c in ("L004", "L005")) == ["L004", "L005"]


def test_used_stats_in_ink(ink_codes):
    found = ink_codes("""
        # stat: trust, Trust, -5..5
        VAR trust = 0
        ~ trust += 1
        { trust > 2: You trust them. }
        -> END
        """)
    assert not {"L004", "L005"} & set(found)


def test_an_unclosed_brace_adds_no_never_changed_warning(check_codes):
    # the parser gives up on what follows the `{`, so the write below may be missing from the graph:
    # rules that conclude from an absence do not judge a story with errors
    assert check_codes("""
        # stat: calm, Calm, 0..10
        VAR calm = 5
        -> start
        === start ===
        { calm > 3:
          ~ calm += 1
        Hello.
        -> END
        """) == ["E002"]


def test_an_unclosed_inline_brace_adds_no_warning_either(check_codes):
    assert check_codes("""
        # stat: calm, Calm, 0..10
        VAR calm = 5
        -> start
        === start ===
        Hello {calm
        ~ calm += 1
        -> END
        """) == ["E002"]
