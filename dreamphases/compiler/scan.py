"""Scanning a line for its structure: the one place that knows how ink nests `{…}`, `(…)`, `"…"`
and `\\` escapes.

Every "find the `|` that is not inside braces" question in the parser goes through `structure`,
which jumps between interesting characters with a compiled regular expression instead of stepping
through every character in Python: these scans run on every line, so they are the compiler's hot path.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = [
    "structure", "brace_balance", "unmatched_open", "unmatched_close", "matching_brace", "first_at_top",
    "split_at_top", "find_top_level", "split_top_level", "split_commas",
]

_PATTERNS: dict[tuple[str, bool, bool], re.Pattern[str]] = {}


def _pattern(marks: str, parens: bool, strings: bool) -> re.Pattern[str]:
    key = (marks, parens, strings)
    pattern = _PATTERNS.get(key)
    if pattern is None:
        chars = set("{}" + marks + ("()" if parens else "") + ('"' if strings else ""))
        pattern = re.compile(r"\\.|[" + re.escape("".join(sorted(chars))) + "]", re.S)
        _PATTERNS[key] = pattern
    return pattern


def structure(text: str, marks: str = "", *, start: int = 0, parens: bool = False,
              strings: bool = False) -> Iterator[tuple[int, str, int]]:
    """Yield `(index, char, depth)` for each brace (and paren, with `parens`) and each character of
    `marks`, skipping escaped characters (and string literals, with `strings`). `depth` is the nesting
    depth just before the character."""
    depth = 0
    in_string = False
    for m in _pattern(marks, parens, strings).finditer(text, start):
        c = m.group()
        if len(c) == 2:  # an escape: `\{`, `\|` …
            continue
        if strings and c == '"':
            in_string = not in_string
            continue
        if in_string:
            continue
        yield m.start(), c, depth
        if c == "{" or (parens and c == "("):
            depth += 1
        elif c == "}" or (parens and c == ")"):
            depth -= 1


def brace_balance(text: str) -> int:
    """`{` minus `}`, escapes excluded."""
    if "\\" not in text:  # nothing escaped: counting is enough
        return text.count("{") - text.count("}")
    return sum(1 if c == "{" else -1 for _, c, _ in structure(text))


def unmatched_open(text: str) -> int:
    """Index of the first `{` on this line that is not closed on it, or -1."""
    if "{" not in text:  # most lines: no scan needed
        return -1
    stack: list[int] = []
    for i, c, _ in structure(text):
        if c == "{":
            stack.append(i)
        elif stack:
            stack.pop()
    return stack[0] if stack else -1


def unmatched_close(text: str) -> int:
    """Index of the first `}` that closes something opened before this text, or -1."""
    if "}" not in text:
        return -1
    for i, c, depth in structure(text):
        if c == "}" and depth == 0:
            return i
    return -1


def _countable(text: str, start: int, parens: bool, strings: bool) -> bool:
    """Whether nesting in `text[start:]` can be read off by counting brackets: nothing escaped and no
    string literal to skip. Most lines are; the fast paths below count with `str.count` and fall
    back to `structure` for the rest."""
    return text.find("\\", start) < 0 and not (strings and text.find('"', start) >= 0)


def _nesting(text: str, start: int, end: int, parens: bool) -> int:
    """The nesting depth at `end`, counting from `start` (only for `_countable` text)."""
    depth = text.count("{", start, end) - text.count("}", start, end)
    if parens:
        depth += text.count("(", start, end) - text.count(")", start, end)
    return depth


def matching_brace(text: str, start: int = 0) -> int:
    """Index of the `}` that closes the `{` at `start`, or -1."""
    close = text.find("}", start + 1)
    if (close > 0 and text.startswith("{", start) and text.find("{", start + 1, close) < 0
            and text.find("\\", start, close) < 0):
        return close  # nothing nested or escaped before the first '}': the commonest `{…}`
    return matching_brace_by_walking(text, start)


def matching_brace_by_walking(text: str, start: int) -> int:
    """`matching_brace` without its shortcut: the general walk its shortcut must agree with."""
    for i, c, depth in structure(text, start=start):
        if c == "}" and depth == 1:
            return i
    return -1


def first_at_top(text: str, marks: tuple[str, ...], *, start: int = 0, parens: bool = False,
                 strings: bool = False) -> int:
    """Index of the first of `marks` (strings) outside nesting, or -1."""
    for mark in marks:  # (a loop, not all(): this runs several times on every line)
        if text.find(mark, start) >= 0:
            break
    else:
        return -1
    if _countable(text, start, parens, strings):
        best = -1
        for mark in marks:
            at = text.find(mark, start)
            while at >= 0 and (best < 0 or at < best):
                if _nesting(text, start, at, parens) == 0:
                    best = at
                    break
                at = text.find(mark, at + 1)
        return best
    return first_at_top_by_walking(text, marks, start, parens, strings)


def first_at_top_by_walking(text: str, marks: tuple[str, ...], start: int, parens: bool, strings: bool) -> int:
    """`first_at_top` without its shortcut: the general walk its shortcut must agree with."""
    firsts = "".join(sorted({m[0] for m in marks}))
    for i, c, depth in structure(text, firsts, start=start, parens=parens, strings=strings):
        if depth == 0 and c in firsts and any(text.startswith(m, i) for m in marks):
            return i
    return -1


def split_at_top(text: str, sep: str, *, parens: bool = False, strings: bool = False) -> list[tuple[int, str]]:
    """Split on `sep` outside nesting: `(offset, part)` pairs, offsets into `text`."""
    if sep not in text:
        return [(0, text)]
    parts: list[tuple[int, str]] = []
    last = 0
    if _countable(text, 0, parens, strings):
        at = text.find(sep)
        while at >= 0:
            if _nesting(text, 0, at, parens) == 0:
                parts.append((last, text[last:at]))
                last = at + len(sep)
                at = text.find(sep, last)
            else:
                at = text.find(sep, at + 1)
        parts.append((last, text[last:]))
        return parts
    return split_at_top_by_walking(text, sep, parens, strings)


def split_at_top_by_walking(text: str, sep: str, parens: bool, strings: bool) -> list[tuple[int, str]]:
    """`split_at_top` without its shortcuts: the general walk its shortcuts must agree with."""
    parts: list[tuple[int, str]] = []
    last = skip_to = 0
    for i, c, depth in structure(text, sep[0], parens=parens, strings=strings):
        if i < skip_to or depth != 0 or c != sep[0] or not text.startswith(sep, i):
            continue
        parts.append((last, text[last:i]))
        last = skip_to = i + len(sep)
    parts.append((last, text[last:]))
    return parts


def find_top_level(text: str, char: str) -> int:
    """The first `char` outside braces, parentheses and string literals (an expression's `:`), or -1."""
    return first_at_top(text, (char,), parens=True, strings=True)


def split_top_level(text: str, char: str) -> list[tuple[int, str]]:
    """Split inline content on `char` outside braces (quotes are plain text in content)."""
    return split_at_top(text, char)


def split_commas(text: str) -> list[tuple[int, str]]:
    """Split an argument or parameter list on its top-level commas."""
    return split_at_top(text, ",", parens=True, strings=True)
