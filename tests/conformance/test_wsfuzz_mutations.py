"""The whitespace fuzz's mutations change whitespace only, and are the same for the same seed."""

from __future__ import annotations

import random

import pytest

from tests.conformance.wsfuzz import PLACES, WS_MUTATIONS, ws_mutant

STORY = "* [Go] text #tag\n  -> k\n- (g) {x: a|b} <> more\n== k ==\nHi. -> END\n"


def _squash(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("seed", range(50))
def test_a_mutation_only_moves_whitespace(seed: int) -> None:
    rng = random.Random(seed)
    mutate = WS_MUTATIONS[seed % len(WS_MUTATIONS)]
    mutated, what = mutate(STORY, rng)
    assert _squash(mutated) == _squash(STORY), what


def test_every_place_is_found_in_a_story_that_has_it() -> None:
    missing = [name for name, rx in PLACES.items() if rx.search(STORY + "// c\n") is None]
    assert missing == []


def test_places_mark_the_spot_beside_their_syntax() -> None:
    def spots(name: str, text: str) -> list[int]:
        return [m.end() for m in PLACES[name].finditer(text)]

    assert spots("after_close_bracket", "a]b]") == [2, 4]
    assert spots("before_glue", "a <>b") == [2]
    assert spots("after_choice_mark", "* * x\n+ y") == [3, 7]
    assert spots("after_gather_mark", "- - x\n-> y") == [3]


def test_mutants_are_reproducible() -> None:
    corpus = [("s.ink", STORY)]
    assert ws_mutant(3, 1, corpus) == ws_mutant(3, 1, corpus)
    assert any(ws_mutant(i, 1, corpus).text != STORY for i in range(10))
