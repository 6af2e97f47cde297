"""Trimming the coverage counts out of the runtime's state along a walk changes nothing but speed.

Random walks drop the visit counts the explorer added for coverage from the runtime's state every few
choices (`Walker.trim_counts`), after noting what they covered: the story cannot read those counts, so
every walk must play exactly as it does without trimming, and coverage must come out the same. These
tests trim after every choice (the most it can ever happen) and compare, on stories with sequences,
once-only choices, loops, tunnels, threads and count reads, every transcript (each passage's text and
tags, the choices offered, the choice taken) and everything a run tallies.
"""

from __future__ import annotations

import importlib.util
import json
import random
from pathlib import Path

import pytest

from dreamphases.compiler import compile_source
from dreamphases.runtime.state import take_visit_counts
from dreamphases.testing import explorer
from dreamphases.testing.explorer import ExploreOptions, Finding, Tally, Walker
from dreamphases.testing.pool import Trail
from dreamphases.testing.story import load_story
from dreamphases.testing.strategies.random_walks import Walks
from tests.testing.support import STORIES

ROOT = Path(__file__).resolve().parents[2]


def _generated(lines: int) -> tuple[str, object]:
    spec = importlib.util.spec_from_file_location("gen_story", ROOT / "bench" / "gen_story.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = compile_source(module.generate(lines, 2))
    assert result.json_text is not None
    return result.json_text, result.graph


def _story(name: str) -> tuple[str, object]:
    if name == "generated":
        return _generated(1500)
    path = ROOT / "story" / "dreamphases.ink" if name == "bundled" else STORIES / f"{name}.ink"
    loaded = load_story(path)
    return loaded.json_text, loaded.graph


NAMES = ["generated", "bundled", "loop", "counter", "well", "vault", "observed", "two_rooms"]


def _walker(name: str, fast: bool = True) -> Walker:
    json_text, graph = _story(name)
    return Walker(json_text, graph, ExploreOptions(untagged_ok=True), fast=fast)  # type: ignore[arg-type]


def _transcripts(walker: Walker, walks: int, trim: bool) -> tuple[list[list[object]], Tally]:
    """Random walks read line by line: each passage's text and tags, the choices offered, the choice taken."""
    tally = Tally()
    found: list[list[object]] = []
    engine = walker.engine
    for k in range(walks):
        rng = random.Random(k)
        walker.start(k)
        transcript: list[object] = []
        for _ in range(120):
            passage = []
            while engine.can_continue():
                line = engine.next_line()
                passage.append((line.text, tuple(line.tags)))
            offered = engine.choices()
            transcript.append((tuple(passage), tuple(offered)))
            if not offered:
                break
            index = rng.randrange(len(offered))
            transcript.append(index)
            walker.choose(index)
            if trim:
                walker.trim_counts(tally)
        walker.cover(tally)
        found.append(transcript)
    return found, tally


@pytest.mark.parametrize("name", NAMES)
def test_walks_read_line_by_line_are_the_same_when_the_counts_are_trimmed_after_every_choice(name: str) -> None:
    plain, plain_tally = _transcripts(_walker(name, fast=False), 12, trim=False)
    trimmed, trimmed_tally = _transcripts(_walker(name, fast=False), 12, trim=True)
    assert trimmed == plain
    assert trimmed_tally.visited == plain_tally.visited


@pytest.mark.parametrize("name", NAMES)
def test_random_walks_tally_the_same_whether_or_not_they_trim(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def run(every: int) -> Tally:
        monkeypatch.setattr(explorer, "TRIM_EVERY", every)
        walker = _walker(name, fast=False)  # the copy without line breaks is never trimmed
        walker.options.max_steps = 200
        tally, _ = Walks(tuple(range(20))).run(walker, Trail(), frozenset())
        return tally

    plain, trimmed = run(1 << 30), run(1)
    for part in ("walks", "choices", "truncated", "endings", "errors", "dead_ends", "visited"):
        assert getattr(trimmed, part) == getattr(plain, part), part
    assert plain.choices > 20


def test_trimming_takes_the_coverage_counts_out_of_the_state() -> None:
    walker = _walker("generated")
    walker.start(1)
    rng = random.Random(1)
    count = walker.settle(Tally(), (), 1)
    walker.walk(rng, Tally(), [], 1, 40, count)
    before = json.loads(walker.engine.save_state())["visitCounts"]
    assert set(before) & walker.added
    tally = Tally()
    walker.trim_counts(tally)
    after = json.loads(walker.engine.save_state())["visitCounts"]
    assert not set(after) & walker.added
    assert after == {path: n for path, n in before.items() if path not in walker.added}
    assert tally.visited  # what the dropped counts covered was noted first


def test_take_visit_counts_reads_a_state_whose_counts_are_not_last() -> None:
    state = {"visitCounts": {"a": 1, "b.c-0": 2}, "flows": {}, "storySeed": 3}
    counts, trimmed = take_visit_counts(json.dumps(state), {"b.c-0"})
    assert counts == {"a": 1, "b.c-0": 2}
    assert trimmed is not None and json.loads(trimmed) == {**state, "visitCounts": {"a": 1}}
    assert take_visit_counts(json.dumps(state), {"z"}) == (counts, None)


def test_a_focused_walker_drops_the_counts_no_one_reads_and_plays_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """The guided search counts only what is still unseen (`focus`); the counts we added elsewhere are
    dropped from the state at choice points, and nothing else changes."""
    monkeypatch.setattr(explorer, "TRIM_EVERY", 1)

    def play(focus: bool) -> tuple[list[tuple[str, ...]], dict[str, Finding], dict[str, int], Walker, set[str]]:
        walker = _walker("generated", fast=False)  # the copy without line breaks drops nothing
        kept = set(sorted(walker.added)[::3])
        walker.start(5)
        if focus:
            walker.focus(kept)
        rng, tally, path = random.Random(5), Tally(), []
        offered: list[tuple[str, ...]] = []
        counts: dict[str, int] = {}
        count = walker.settle(tally, (), 5)
        while count and len(path) < 150:
            offered.append(tuple(walker.engine.choices()))
            counts = json.loads(walker.engine.save_state())["visitCounts"]
            path.append(rng.randrange(count))
            walker.choose(path[-1])
            count = walker.settle(tally, tuple(path), 5)
        return offered, tally.endings, counts, walker, kept

    plain_offered, plain_endings, plain_counts, walker, kept = play(focus=False)
    offered, endings, counts, _, _ = play(focus=True)
    assert (offered, endings) == (plain_offered, plain_endings)
    assert len(offered) > 20
    assert counts == {p: n for p, n in plain_counts.items() if p not in walker.added or p in kept}
    assert set(plain_counts) - set(counts)  # something was dropped


@pytest.mark.parametrize("name", NAMES)
def test_a_lean_state_keeps_the_counts_asked_for_and_those_the_story_can_still_read(name: str) -> None:
    # `save_lean` (corpus states of the guided search) writes only the counts again: the state must be
    # the whole state with the coverage counts not asked for dropped and those liveness finds dead
    from dreamphases.runtime.state import keep_visit_counts, state_knots

    walker = _walker(name)
    liveness = walker.facts().liveness
    counting = set(sorted(walker.added)[::3])
    rng = random.Random(5)
    tally = Tally()
    dropped = 0
    for k in range(6):
        walker.start(k)
        count = walker.settle(tally, (), k)
        for _ in range(60):
            if not count:
                break
            packed, knots = walker.save_lean(counting)
            expected = json.loads(walker.state_text())
            before = len(expected["visitCounts"])
            keep_visit_counts(expected, lambda p: p not in walker.added or p in counting)
            if liveness is not None:
                liveness.prune_counts(expected)
            dropped += before - len(expected["visitCounts"])
            assert json.loads(packed) == expected
            assert knots == frozenset(state_knots(expected))
            walker.choose(rng.randrange(count))
            count = walker.settle(tally, (), k)
    assert dropped > 0


@pytest.mark.parametrize("name", ["bundled", "generated"])
def test_a_state_saved_whole_or_lean_loads_back_as_it_was_saved(name: str) -> None:
    # `save` compresses (frontiers hold many), `save_lean` keeps the text (corpora hold few): `load`
    # takes either
    walker = _walker(name)
    rng = random.Random(2)
    tally = Tally()
    walker.start(4)
    count = walker.settle(tally, (), 4)
    for _ in range(12):
        if not count:
            break
        walker.choose(rng.randrange(count))
        count = walker.settle(tally, (), 4)
    whole, (lean, _) = walker.save(), walker.save_lean(set(walker.added))
    here = json.loads(walker.state_text())
    assert lean[:1] == b"{" and whole[:1] != b"{"
    for packed, expected in ((whole, here), (lean, json.loads(lean))):
        walker.start(9)
        walker.load(packed)
        assert json.loads(walker.state_text()) == expected
