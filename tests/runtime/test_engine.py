"""The engine facade's additions: where the story is, state errors, seeds, identity."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from dreamphases.compiler import compile_path, compile_source
from dreamphases.runtime.engine import Engine, StateLoadError, story_hash


def drain(engine: Engine) -> list[str]:
    return [engine.next_line().text for _ in iter(engine.can_continue, False)]


def test_current_knot_names_the_knot_the_story_is_in(engine_for: Callable[[str], Engine]) -> None:
    engine = engine_for("night")
    drain(engine)
    assert engine.current_knot() == ""  # top of the story, before any knot
    engine.choose(0)
    drain(engine)
    assert engine.current_knot() == "hallway"


def test_a_state_the_runtime_rejects_raises_state_load_error(engine_for: Callable[[str], Engine]) -> None:
    engine = engine_for("night")
    with pytest.raises(StateLoadError):
        engine.load_state('{"not": "a state"}')


def test_the_same_seed_gives_the_same_rolls(engine_for: Callable[[str], Engine]) -> None:
    runs = []
    for _ in range(2):
        engine = engine_for("dice")
        engine.set_seed(1234)
        runs.append(drain(engine))
    assert runs[0] == runs[1]


def test_different_seeds_give_different_rolls(engine_for: Callable[[str], Engine]) -> None:
    rolls = set()
    for seed in (1, 2, 3):
        engine = engine_for("dice")
        engine.set_seed(seed)
        rolls.add(tuple(drain(engine)))
    assert len(rolls) > 1


def test_story_hash_ignores_a_byte_order_mark() -> None:
    assert story_hash('\ufeff{"inkVersion":21}') == story_hash('{"inkVersion":21}')
    assert story_hash('{"inkVersion":21}') != story_hash('{"inkVersion":20}')


def test_visit_count_reads_what_the_runtimes_own_call_reads_along_a_playthrough() -> None:
    # `visit_count` calls the C function directly (the guided search reads a few counts at most choice
    # points); it must read exactly what bink's wrapper reads, for every knot and stitch, as visits grow
    compiled = compile_path(Path(__file__).resolve().parents[2] / "story" / "dreamphases.ink")
    assert compiled.json_text is not None and compiled.graph is not None
    paths = sorted(compiled.graph.nodes)
    engine = Engine(compiled.json_text)
    rng = random.Random(7)
    seen_visits = 0
    while True:
        drain(engine)
        counts = [engine.visit_count(p) for p in paths]
        assert counts == [engine.story.get_visit_count_at_path_string(p) for p in paths]
        assert engine.visit_counts(paths) == counts  # the guided search's compass reads a few at once
        seen_visits = max(seen_visits, sum(counts))
        choices = engine.choices()
        if not choices:
            break
        engine.choose(rng.randrange(len(choices)))
    assert seen_visits > 5  # the story counts visits where it reads them, and the playthrough went there


def test_visit_count_at_a_path_the_story_lacks_is_zero_as_the_runtime_says(engine_for: Callable[[str], Engine]) -> None:
    engine = engine_for("night")
    assert engine.visit_count("no_such_knot.nor_stitch") == engine.story.get_visit_count_at_path_string(
        "no_such_knot.nor_stitch") == 0
    assert engine.visit_counts(["no_such_knot.nor_stitch"]) == [0]


MANY_CHOICES = "Pick.\n" + "".join(f"* [Option {i}] You took option {i}.\n" for i in range(12)) + "- -> END\n"


def _at_many_choices() -> Engine:
    compiled = compile_source(MANY_CHOICES, "many.ink")
    assert compiled.json_text is not None
    engine = Engine(compiled.json_text)
    drain(engine)
    return engine


@pytest.mark.parametrize("index", range(12))
def test_choose_lean_takes_the_choice_choose_takes(index: int) -> None:
    # `choose_lean` calls the C function bare (its index made a `size_t` by us, not by bink's declared types)
    lean, plain = _at_many_choices(), _at_many_choices()
    lean.choose_lean(index)
    plain.choose(index)
    assert lean.next_text() == plain.next_text() == f"You took option {index}.\n"


@pytest.mark.parametrize("index", [12, -1, 5000, 1 << 40])
def test_choosing_an_index_not_on_offer_raises_as_the_runtime_says_and_leaves_the_story(index: int) -> None:
    engine = _at_many_choices()
    with pytest.raises(RuntimeError, match="choice out of range"):
        engine.choose_lean(index)
    assert engine.choice_count() == 12
    engine.choose_lean(3)
    assert engine.next_text() == "You took option 3.\n"


def test_choice_texts_reads_what_the_choice_list_reads_and_frees_every_string_empty_ones_too() -> None:
    compiled = compile_source("Pick.\n* [] Nothing.\n* [Go] Went.\n* [ ] Blank.\n- -> END\n", "blank.ink")
    assert compiled.json_text is not None
    engine = Engine(compiled.json_text)
    drain(engine)
    hot = engine._hot
    freed: list[bytes | None] = []
    free = hot._free_text
    hot._free_text = lambda text: (freed.append(text.value), free(text))  # bink gives an empty text as ""
    assert engine.choice_texts() == list(engine.choice_list()) == ["", "Go", ""]
    assert freed == [b"", b"Go", b""]
