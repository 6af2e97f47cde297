"""Whitespace fuzzing: the same story with spaces, tabs and blank lines moved must play as inklecate's does.

inklecate's whitespace rules are spread over its parser (`InkParser_Whitespace`, content and choice
parsing, the weave): where trailing spaces after a choice's `]` become a line that is only "\\n",
where spaces before glue or a tag survive, where a blank line ends a paragraph. A published story is
full of stray whitespace, so each mutant here inserts or removes spaces and tabs at the places those
rules look at — line ends, after `]`, around glue `<>`, tags `#`, `{…}` logic, `|` and `:` inside it,
diverts, choice and gather marks — or adds blank and whitespace-only lines. Both compilers compile it
and both JSONs are played on bink (`difffuzz.Fuzzer`), compared byte for byte, lines that are only
"\\n" included.

Seeded like `difffuzz`: mutant `i` of seed `s` is the same everywhere. Used by `test_wsfuzz.py` (a
bounded sample in CI) and `bench/difffuzz.py --whitespace` (the campaign).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

from tests.conformance.difffuzz import Mutant, sources

SEEDS = Path(__file__).with_name("ws_seeds")
CASES = Path(__file__).with_name("cases")

#: what an insertion puts in: mostly single spaces and tabs, sometimes runs of both
SPACES = (" ", " ", " ", "\t", "\t", "  ", " \t", "\t ", "   ")

#: the places whitespace rules look at, named for the report: whitespace goes where a match ends
PLACES: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern, re.MULTILINE)
    for name, pattern in {
        "line_end": r"(?=\n)",
        "after_close_bracket": r"\]",
        "before_open_bracket": r"(?=\[)",
        "after_open_bracket": r"\[",
        "before_glue": r"(?=<>)",
        "after_glue": r"<>",
        "before_tag": r"(?=#)",
        "after_tag": r"#",
        "before_open_brace": r"(?=\{)",
        "after_open_brace": r"\{",
        "before_close_brace": r"(?=\})",
        "after_close_brace": r"\}",
        "around_bar": r"(?=\|)|\|",
        "after_colon": r":",
        "before_divert": r"(?=->)",
        "after_divert": r"->",
        "after_choice_mark": r"^[ \t]*[*+](?:[ \t]*[*+])*",
        "after_gather_mark": r"^[ \t]*-(?:[ \t]*-)*(?!>)",
        "line_start": r"^(?=\S)",
        "before_comment": r"(?=//)",
    }.items()
}

#: whitespace that a removal may take away: a run next to one of ink's syntax characters
_REMOVABLE = re.compile(r"[ \t]+(?=[\]\[#{}|<>:*+\-\n/])|(?<=[\]\[#{}|<>:*+\-])[ \t]+")


def insert_space(text: str, rng: random.Random) -> tuple[str, str]:
    """Spaces or tabs at one of the `PLACES`, chosen among the places this story has."""
    names = sorted(PLACES)
    rng.shuffle(names)
    for name in names:
        spots = [m.end() for m in PLACES[name].finditer(text)]
        if spots:
            at = rng.choice(spots)
            return text[:at] + rng.choice(SPACES) + text[at:], f"insert_{name}"
    return text, "insert_none"


def insert_anywhere(text: str, rng: random.Random) -> tuple[str, str]:
    """Spaces or tabs at any position: inside a name, an arrow, a comment marker or a keyword too."""
    at = rng.randrange(len(text) + 1)
    return text[:at] + rng.choice(SPACES) + text[at:], "insert_anywhere"


def remove_space(text: str, rng: random.Random) -> tuple[str, str]:
    runs = list(_REMOVABLE.finditer(text))
    if not runs:
        return text, "remove_none"
    m = rng.choice(runs)
    return text[:m.start()] + text[m.end():], "remove_space"


def blank_line(text: str, rng: random.Random) -> tuple[str, str]:
    """A blank or whitespace-only line before a random line."""
    lines = text.split("\n")
    i = rng.randrange(len(lines) + 1)
    lines.insert(i, rng.choice(("", "", " ", "\t", "  \t")))
    return "\n".join(lines), "blank_line"


def trailing_space(text: str, rng: random.Random) -> tuple[str, str]:
    """Spaces or tabs after the last character of a random non-blank line."""
    lines = text.split("\n")
    candidates = [i for i, line in enumerate(lines) if line.strip()]
    if not candidates:
        return text, "trailing_none"
    i = rng.choice(candidates)
    lines[i] += rng.choice(SPACES)
    return "\n".join(lines), "trailing_space"


WS_MUTATIONS: tuple[Callable[[str, random.Random], tuple[str, str]], ...] = (
    insert_space, insert_space, insert_space, insert_anywhere, remove_space, blank_line, trailing_space,
)


def ws_sources() -> list[tuple[str, str]]:
    """What the whitespace fuzz mutates: ../shared's stories (`difffuzz.sources`), then our own seed
    stories (`ws_seeds/`, written like published ink) and conformance cases that compile; each of
    ours is listed three times, since ../shared's stories are mostly a few lines each."""
    ours = sorted(SEEDS.glob("*.ink")) + sorted(CASES.rglob("*.ink"))
    out = []
    for p in ours:
        text = p.read_text(encoding="utf-8")
        if "expect error" in text or "INCLUDE" in text:
            continue
        name = p.relative_to(SEEDS.parent).as_posix()
        out.extend([(name, text)] * (3 if p.parent == SEEDS else 1))
    return sources() + out


def ws_mutant(index: int, seed: int, corpus: list[tuple[str, str]]) -> Mutant:
    """Whitespace mutant `index` of campaign `seed`: one to four whitespace changes to one story."""
    rng = random.Random(f"ws:{seed}:{index}")
    origin, text = corpus[rng.randrange(len(corpus))]
    applied = []
    for _ in range(rng.choice((1, 1, 2, 3, 4))):
        text, what = rng.choice(WS_MUTATIONS)(text, rng)
        applied.append(what)
    return Mutant(index, origin, tuple(applied), text)
