"""Lines as the player sees them: text, speaker tag, and what the text itself says about speech.

The presentation rules (`speaker-named-twice`, `speaker-on-narration`) need the *source* line: the
player shows a `# speaker: Milo` tag as a `Milo:` label in front of the text, so the question is what
the written text already does. Lines are read from the story's files (the graph keeps tags per node,
not per line); `//` comments and `/* */` blocks on one line are skipped, and a tag is only a tag after a
`#` that is not inside a string or a `{…}`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from dreamphases.compiler.graph import StoryGraph
from dreamphases.tools.lint import SourceCache

__all__ = ["SpokenLine", "speaker_lines", "narration", "has_speech", "SPEECH_VERBS"]

#: verbs that attribute speech in prose ("…," Milo says): the rules look for the speaker's name next to one
SPEECH_VERBS = (
    "says", "said", "asks", "asked", "replies", "replied", "answers", "answered", "whispers", "whispered",
    "mutters", "muttered", "murmurs", "murmured", "shouts", "shouted", "calls", "called", "adds", "added",
    "tells", "told", "snaps", "snapped", "sighs", "sighed", "laughs", "laughed", "repeats", "repeated",
    "agrees", "agreed", "admits", "admitted", "insists", "insisted", "continues", "continued", "breathes",
    "breathed", "cries", "cried", "yells", "yelled", "goes on", "went on", "offers", "offered", "manages",
    "managed", "protests", "protested", "explains", "explained", "begins", "began", "finishes", "finished",
    "corrects", "corrected", "counters", "countered", "echoes", "echoed", "whimpers", "groans", "hisses",
)
_VERBS = "|".join(re.escape(v) for v in sorted(SPEECH_VERBS, key=len, reverse=True))
#: quoted speech in straight, curly or guillemet quotes
_QUOTED = re.compile(r"\"[^\"]*\"?|“[^”]*”?|«[^»]*»?")
_SPEECH = re.compile(r"[\"“”«»]")
_SPEAKER_TAG = re.compile(r"^\s*speaker\s*:\s*(.+?)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SpokenLine:
    file: str
    line: int
    #: column (1-based) of the `#` of the speaker tag
    tag_col: int
    speaker: str
    #: the text before the first tag, without choice/gather bullets
    text: str


#: the characters `_split_tags` acts on; everything between them is plain text to skip over
_SYNTAX = re.compile(r'[{}"#]|//')
_TAG = re.compile(r"#([^#]*)")


def _split_tags(line: str) -> tuple[str, list[tuple[int, str]]]:
    """(text, [(column of '#', tag text)]) for one source line, respecting strings and braces.

    Only the syntax characters are visited (a regex finds them), not every character: this runs on
    each speaker-tagged line at every keystroke in the editor."""
    depth = 0
    quoted = False
    cut = None
    for found in _SYNTAX.finditer(line):
        ch = found.group()
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth = max(0, depth - 1)
        elif ch == '"':
            if depth:
                quoted = not quoted
        elif ch == "//":
            if not depth:
                line = line[:found.start()]
                break
        elif not depth and not quoted and cut is None:  # '#'
            cut = found.start()
    if cut is None:
        return line, []
    tags = [(match.start() + 1, match.group(1).strip()) for match in _TAG.finditer(line, cut)]
    return line[:cut], tags


def speaker_lines(graph: StoryGraph, sources: SourceCache) -> Iterator[SpokenLine]:
    """Every source line in the story's files carrying a `# speaker:` tag."""
    for file in graph.files or [graph.main_file]:
        for number, raw in enumerate(sources.lines(file), 1):
            if "speaker" not in raw.lower() or "#" not in raw:
                continue
            text, tags = _split_tags(raw)
            for col, tag in tags:
                match = _SPEAKER_TAG.match(tag)
                if match:
                    body = re.sub(r"^\s*(?:[-*+]\s*)+(?:\([\w.]+\)\s*)?", "", text)
                    body = re.sub(r"\{[^{}]*\}", " ", body).replace("[", "").replace("]", "")
                    yield SpokenLine(file, number, col, match.group(1), body.strip())
                    break


def narration(text: str) -> str:
    """The words outside quotes."""
    return _QUOTED.sub(" ", text)


def has_speech(text: str) -> bool:
    return bool(_SPEECH.search(text))


def names_speaker(text: str, speaker: str) -> str | None:
    """The words in the narration that name `speaker` on a line of speech ("Milo says", "Milo looks
    up"), if any: the player's `Milo:` label already does."""
    outside = narration(text)
    name = re.escape(speaker)
    adverb = r"(?:\s*,?\s*\w+ly\s*,?)?"
    for pattern in (rf"\b{name}\b{adverb}\s+(?:{_VERBS})\b", rf"\b(?:{_VERBS})\s+{name}\b"):
        found = re.search(pattern, outside)
        if found:
            return " ".join(found.group(0).split())
    if not has_speech(text):
        return None  # narration with a speaker tag is the other rule's
    found = re.search(rf"\b{name}(?:'s|’s)?\b(?:\s+[\w’']+){{0,2}}", outside)
    return " ".join(found.group(0).split()) if found else None
