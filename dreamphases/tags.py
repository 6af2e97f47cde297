"""The tag vocabulary: every `# key: value` tag DreamPhases reads, and the ending convention.

ink passes tags through untouched; what they mean is ours, so it is written down once, here. The
compiler's story graph, `check`, the player, the spec runner and the explorer all read tags through
this module, so they agree on what a tag says.

**The tag form.** A tag is `key` or `key: value`. The key is matched without regard to case or to
spaces around the colon (`Speaker : Milo` is `speaker: Milo`); the value is trimmed and runs of
spaces in it are one space. Tags with keys not listed here are left alone (a story may carry tags
for other engines), unless the key is a near-miss of one of ours (`# speker: Milo`), which `check`
reports (L019, with a did-you-mean).

**The ending convention.** A playthrough *ends at* ending `<id>` when it stops (no more text, no
choice) and a line shown since the last choice carries `# ending: <id>` — on the last line or on
an earlier one in that final passage, e.g. an epilogue line after the tagged one. Ids are compared
exactly as written (after trimming). A story that stops with no such tag since the last choice is a
*dead end* for the explorer, and `check` warns (L008) about each `-> END` reached without one.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["ENDING", "TAGS", "TagKey", "canonical_tag", "ending_id", "endings_in", "known_key", "near_miss",
           "split_tag"]


@dataclass(frozen=True, slots=True)
class TagKey:
    key: str
    #: "line" (on a line of text), "global" (at the top of the main file) or "any"
    scope: str
    #: who reads it, and what it does
    doc: str


#: the key of the ending tag
ENDING = "ending"

TAGS: dict[str, TagKey] = {t.key: t for t in (
    TagKey(ENDING, "line", "`# ending: <id>`: the story ends here, at ending <id> (tests, explore, check, map)"),
    TagKey("speaker", "line", "`# speaker: Milo`: who says the line (player)"),
    TagKey("glitch", "line", "`# glitch` or `# glitch: 1..5`: the line is corrupted on screen (player)"),
    TagKey("nightmare", "line", "`# nightmare`: the line is shown as a nightmare (player)"),
    TagKey("scene", "line", "`# scene: <name>`: a new scene starts, with a heading (player)"),
    TagKey("pause", "line", "`# pause`: wait for a key before going on (player)"),
    TagKey("title", "global", "`# title: <title>`: the story's title (player)"),
    TagKey("author", "global", "`# author: <name>`: the story's author (player)"),
    TagKey("stat", "global", "`# stat: VAR, Label, min..max[, kind]`: a stat the player shows (see statspec.py)"),
)}


def split_tag(tag: str) -> tuple[str, str]:
    """`"Speaker : Milo"` → `("speaker", "Milo")`; a bare tag has an empty value."""
    key, _, value = tag.partition(":")
    return " ".join(key.split()).lower(), " ".join(value.split())


def canonical_tag(tag: str) -> str:
    """The tag as compared: `Ending : awake` and `ending:awake` are both `ending: awake`."""
    key, value = split_tag(tag)
    return f"{key}: {value}" if ":" in tag else key


def ending_id(tag: str) -> str | None:
    """The id of an ending tag (`# Ending:  awake` → `awake`), or None for any other tag (or an empty id)."""
    key, value = split_tag(tag)
    return value if key == ENDING and ":" in tag and value else None


def endings_in(tags: Iterable[str]) -> list[str]:
    """The ending ids among `tags`, in order, each once."""
    return list(dict.fromkeys(i for i in map(ending_id, tags) if i is not None))


def known_key(tag: str) -> bool:
    return split_tag(tag)[0] in TAGS


def near_miss(tag: str) -> str | None:
    """The known key an unknown tag's key looks like a misspelling of (`speker` → `speaker`), else None.

    Only keys close to ours count: a story may carry tags for other engines, and those are not ours
    to judge. A bare word that is a known key with extra text (`# ending awake`) also counts."""
    key, _ = split_tag(tag)
    if not key or key in TAGS:
        return None
    first = key.split()[0]
    if first in TAGS and first != key:
        return first
    found = difflib.get_close_matches(key, TAGS, n=1, cutoff=0.75)
    return found[0] if found else None
