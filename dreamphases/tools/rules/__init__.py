"""The lint rules, registered here and only here: `check`, `--list-rules` and the docs read RULES.

To add a rule: write `rules/<name>.py` defining `RULE = Rule("L0xx", "<name>", severity, "<doc>",
check)`, add it below, add a failing and a passing example to `tests/tools/test_rules.py`, and a
row to `docs/writer-tools.md`. Codes are stable: never renumber or reuse one.
"""

from __future__ import annotations

from dreamphases.tools.lint import Rule
from dreamphases.tools.rules import (
    dead_end,
    dead_write,
    decided_condition,
    divert_arguments,
    duplicate_ending,
    ending_missing,
    initial_value_read,
    long_passage,
    promise_without_consequence,
    silent_loop,
    speaker_named_twice,
    speaker_on_narration,
    stat_declaration,
    stat_never_read,
    stat_never_written,
    stat_out_of_range,
    stuck_choices,
    tag_misspelt,
    unreachable,
    unused_include,
)

__all__ = ["RULES", "rule_by_code"]

RULES: tuple[Rule, ...] = (
    unreachable.RULE,
    dead_end.RULE,
    stuck_choices.RULE,
    stat_never_written.RULE,
    stat_never_read.RULE,
    stat_out_of_range.RULE,
    divert_arguments.RULE,
    ending_missing.RULE,
    duplicate_ending.RULE,
    unused_include.RULE,
    long_passage.RULE,
    stat_declaration.RULE,
    tag_misspelt.RULE,
    silent_loop.RULE,
    speaker_named_twice.RULE,
    speaker_on_narration.RULE,
    dead_write.RULE,
    initial_value_read.RULE,
    promise_without_consequence.RULE,
    decided_condition.RULE,
)


def rule_by_code(code: str) -> Rule | None:
    """The rule with this code or name (case-insensitive)."""
    wanted = code.lower()
    return next((r for r in RULES if wanted in (r.code.lower(), r.name.lower())), None)
