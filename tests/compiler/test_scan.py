"""The scanner's shortcuts (counting brackets with `str.count` when nothing is escaped or quoted)
answer exactly what walking the line with `structure` answers, on lines built from every character
that matters to nesting."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dreamphases.compiler.scan import (
    first_at_top,
    first_at_top_by_walking,
    matching_brace,
    matching_brace_by_walking,
    split_at_top,
    split_at_top_by_walking,
)

_lines = st.text(alphabet='{}()|"\\-><#[]:,a ', max_size=24)
_marks = st.sampled_from([("|",), ("#",), ("->", "<-", "#"), (":",), ("]",), ("|", "]"), ("->",), (",",)])
_seps = st.sampled_from(["|", ",", "->", ":"])


@settings(max_examples=600)
@given(_lines, _marks, st.integers(0, 6), st.booleans(), st.booleans())
def test_first_at_top_is_the_first_mark_outside_nesting(text: str, marks: tuple[str, ...], start: int,
                                                        parens: bool, strings: bool) -> None:
    start = min(start, len(text))
    assert first_at_top(text, marks, start=start, parens=parens, strings=strings) == first_at_top_by_walking(
        text, marks, start, parens, strings)


@settings(max_examples=600)
@given(_lines, _seps, st.booleans(), st.booleans())
def test_split_at_top_splits_only_outside_nesting(text: str, sep: str, parens: bool, strings: bool) -> None:
    walked = split_at_top_by_walking(text, sep, parens, strings)
    assert split_at_top(text, sep, parens=parens, strings=strings) == walked


@settings(max_examples=600)
@given(_lines, _lines)
def test_matching_brace_finds_the_brace_that_closes(before: str, after: str) -> None:
    text = before + "{" + after
    start = len(before)
    assert matching_brace(text, start) == matching_brace_by_walking(text, start)


def test_the_shortcuts_are_taken_on_plain_lines_and_agree_there() -> None:
    line = "She {&waves|nods} at {name} (twice) -> next # mood: calm"
    assert first_at_top(line, ("->", "<-", "#")) == line.index("->")
    assert split_at_top("{a|b}|c|{d|e}", "|") == [(0, "{a|b}"), (6, "c"), (8, "{d|e}")]
    assert matching_brace(line, line.index("{")) == line.index("}")
