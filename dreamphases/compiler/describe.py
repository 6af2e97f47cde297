"""Words of prose, as the story graph counts them (one definition for every count it keeps)."""

from __future__ import annotations

from dreamphases.compiler import ast as A

__all__ = ["count_words"]


def count_words(items: list[A.Inline]) -> int:
    n = 0
    for it in items:  # every line of prose passes here: `type() is`, not isinstance
        if type(it) is A.Text:
            n += len(it.text.split())
    return n
