"""Small test stories, compiled for the tests that play them.

The .ink sources in `stories/` are compiled with our compiler. The JSON that inkjs produced for the
same source (`<name>.ink.json`, committed beside it) stands in when our compiler cannot compile one,
and always when `DREAMPHASES_TEST_STORIES=reference` — to tell a player bug from a compiler bug.
"""

from __future__ import annotations

import os
import unicodedata
from functools import cache
from pathlib import Path

STORIES = Path(__file__).parent / "stories"


@cache
def compiled_json(name: str) -> str:
    from dreamphases.compiler import compile_path

    if os.environ.get("DREAMPHASES_TEST_STORIES") != "reference":
        result = compile_path(STORIES / f"{name}.ink")
        if result.json_text is not None:
            return result.json_text
    return (STORIES / f"{name}.ink.json").read_text(encoding="utf-8-sig")


def write_story(name: str, folder: Path) -> Path:
    """The compiled story as a .json file in `folder`, ready for `dreamphases play`."""
    target = folder / f"{name}.json"
    target.write_text(compiled_json(name), encoding="utf-8")
    return target


def unglitched(text: str) -> str:
    """Rendered text without what glitching adds (combining marks, noise between words)."""
    kept = "".join(ch for ch in text if not unicodedata.combining(ch))
    for noise in "░▒▓▚▞":
        kept = kept.replace(noise + " ", "")
    return kept
