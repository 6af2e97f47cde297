"""The scanner's shortcuts (counting brackets with `str.count` when nothing is escaped or quoted)
answer exactly what walking the line with `structure` answers, on lines built from every character
that matters to nesting."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dreamphases.compiler.scan import first_at_top, matching_brace, split_at_top, structure

_lines = st.text(alphabet='{}()|"\\-><#[]:,a ', max_size=24)
_marks = st.sampled_from([("|",), ("#",), ("->", "<-", "#"), (":",), ("]",), ("|", "]"), ("->",), (",",)])
_seps = st.sampled_from(["|", ",", "->", ":"])


def _first_by_walking(text: str, marks: tuple[str, ...], start: int, parens: bool, strings: bool) -> int:
    firsts = "".join(sorted({m[0] for m in marks}))
    for i, c, depth in structure(text, firsts, start=start, parens=parens, strings=strings):
        if depth == 0 and c in firsts and any(text.startswith(m, i) for m in marks):
            return i
    return -1


def _split_by_walking(text: str, sep: str, parens: bool, strings: bool) -> list[tuple[int, str]]:
    parts: list[tuple[int, str]] = []
    last = 0
    skip_to = -1
    for i, c, depth in structure(text, sep[0], parens=parens, strings=strings):
        if i < skip_to or depth != 0 or c != sep[0] or not text.startswith(sep, i):
            continue
        parts.append((last, text[last:i]))
        last = skip_to = i + len(sep)
    parts.append((last, text[last:]))
    return parts


def _matching_by_walking(text: str, start: int) -> int:
    for i, c, depth in structure(text, start=start):
        if c == "}" and depth == 1:
            return i
    return -1


@settings(max_examples=600)
@given(_lines, _marks, st.integers(0, 6), st.booleans(), st.booleans())
def test_first_at_top_is_the_first_mark_outside_nesting(text: str, marks: tuple[str, ...], start: int,
                                                        parens: bool, strings: bool) -> None:
    start = min(start, len(text))
    assert first_at_top(text, marks, start=start, parens=parens, strings=strings) == _first_by_walking(
        text, marks, start, parens, strings)


@settings(max_examples=600)
@given(_lines, _seps, st.booleans(), st.booleans())
def test_split_at_top_splits_only_outside_nesting(text: str, sep: str, parens: bool, strings: bool) -> None:
    assert split_at_top(text, sep, parens=parens, strings=strings) == _split_by_walking(text, sep, parens, strings)


@settings(max_examples=600)
@given(_lines, _lines)
def test_matching_brace_finds_the_brace_that_closes(before: str, after: str) -> None:
    text = before + "{" + after
    start = len(before)
    assert matching_brace(text, start) == _matching_by_walking(text, start)


def test_the_shortcuts_are_taken_on_plain_lines_and_agree_there() -> None:
    line = "She {&waves|nods} at {name} (twice) -> next # mood: calm"
    assert first_at_top(line, ("->", "<-", "#")) == line.index("->")
    assert split_at_top("{a|b}|c|{d|e}", "|") == [(0, "{a|b}"), (6, "c"), (8, "{d|e}")]
    assert matching_brace(line, line.index("{")) == line.index("}")
