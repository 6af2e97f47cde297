"""Words of prose, as the story graph counts them (one definition for every count it keeps)."""

from __future__ import annotations

from dreamphases.compiler import ast as A

__all__ = ["count_words"]


def count_words(items: list[A.Inline]) -> int:
    return sum([len(it.text.split()) for it in items if type(it) is A.Text])
