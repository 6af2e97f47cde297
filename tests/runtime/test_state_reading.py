"""Reading the position, the changed variables and the call depth from a saved state without parsing its
visit counts (the bulk of a deep state) gives what parsing the whole state gives."""

from __future__ import annotations

import json
import random
import textwrap

import pytest

from dreamphases.compiler import compile_source
from dreamphases.runtime.engine import Engine
from dreamphases.runtime.state import (
    _current_thread,
    call_depth,
    named_path,
    position,
    snapshot,
    split_state,
    state_knots,
    text_knots,
)

STORY = """\
VAR trust = 0
VAR mood = "calm"
-> hub
=== hub ===
{&The hall hums.|The hall is quiet.}
* [Left] -> left
* [Right] -> right
+ [Wait]
  ~ trust++
  -> hub
=== left ===
~ mood = "bold"
-> stairs
= stairs
You climb. {trust > 1: Someone waves.}
+ [Back] -> hub
* [Up] -> END
=== right ===
~ temp n = depth(3)
A door. {n}
+ [Back] -> hub
* [Out] -> END
=== function depth(x) ===
{ x <= 0:
  ~ return 0
}
~ return 1 + depth(x - 1)
"""


def _states() -> list[str]:
    result = compile_source(textwrap.dedent(STORY), "story.ink")
    assert result.json_text is not None
    engine = Engine(result.json_text)
    rng = random.Random(3)
    states = []
    for _ in range(40):
        while engine.can_continue():
            engine.next_text()
            states.append(engine.save_state())
        offered = engine.choices()
        if not offered:
            break
        engine.choose(rng.randrange(len(offered)))
    return states


def _whole(state: str) -> tuple[str, dict[str, object], int]:
    data = json.loads(state)
    thread = _current_thread(data)
    return (named_path(str(thread.get("previousContentObject", "")), parts=2), data.get("variablesState", {}),
            len(thread["callstack"]))


def test_position_variables_and_depth_read_without_the_counts_match_a_whole_parse() -> None:
    states = _states()
    assert len(states) > 20 and any('"visitCounts":{"' in s for s in states)
    for state in states:
        where, changed, depth = _whole(state)
        assert snapshot(state) == (where, changed)
        assert position(state) == where
        assert call_depth(state)[0] == depth


@pytest.mark.parametrize("tail", [',"visitCounts":{"visitCounts":2}}', ',"visitCounts":{"a":1,"visitCounts":1}}'])
def test_a_container_named_like_the_counts_key_falls_back_to_a_whole_parse(tail: str) -> None:
    state = _states()[-1]
    cut = state.rfind(',"visitCounts":')
    odd = state[:cut] + tail
    assert snapshot(odd) == _whole(odd)[:2]


def test_a_state_split_from_its_counts_and_joined_again_is_the_same_state() -> None:
    states = _states()
    for state in states:
        parts = split_state(state)
        rest, counts = parts.rest, parts.counts
        whole = json.loads(state)
        assert counts == whole.pop("visitCounts") and rest == whole
        assert parts.joined(counts) == state  # the runtime's own text, untouched
        fewer = dict(list(counts.items())[::2])
        assert json.loads(parts.joined(fewer)) == {**whole, "visitCounts": fewer}


@pytest.mark.parametrize("tail", [',"visitCounts":{"visitCounts":2}}', ',"visitCounts":{"a":1,"visitCounts":1}}'])
def test_splitting_a_state_whose_counts_are_not_where_bink_writes_them_parses_it_whole(tail: str) -> None:
    state = _states()[-1]
    cut = state.rfind(',"visitCounts":')
    odd = state[:cut] + tail
    moved = json.dumps({"visitCounts": json.loads(state)["visitCounts"], **json.loads(state[:cut] + "}")})
    for text in (odd, moved):
        whole = json.loads(text)
        parts = split_state(text)
        assert parts.counts == whole.pop("visitCounts") and parts.rest == whole
        assert json.loads(parts.joined({"x": 1})) == {**whole, "visitCounts": {"x": 1}}


def test_the_knots_read_from_a_states_text_are_those_a_whole_parse_finds() -> None:
    # `save_lean` scans the text for the places a state is in rather than parsing the state
    states = _states()
    assert {knot for state in states for knot in state_knots(json.loads(state))} >= {"hub", "left", "right"}
    for state in states:
        assert split_state(state).knots() == state_knots(json.loads(state))


@pytest.mark.parametrize("name", ["l\u00e9ft", 'le"ft', "le\\ft", "cPath"])
def test_knots_read_from_text_with_escapes_spaces_or_odd_names_match_a_whole_parse(name: str) -> None:
    # another writer's spacing, escaped characters in a path, a knot named like a key: the same knots
    renamed = 0
    for state in _states():
        data = json.loads(state.replace('"left', json.dumps(name)[:-1]))
        renamed += name in state_knots(data)
        for text in (json.dumps(data), json.dumps(data, ensure_ascii=False), json.dumps(data, indent=1)):
            cut = text.rfind('"visitCounts"')
            assert text_knots(text, cut) == state_knots(data)
    assert renamed


def test_a_state_without_flows_is_parsed_to_find_its_knots() -> None:
    old = '{"callstackThreads":{"threads":[{"callstack":[{"cPath":"hub.0","idx":1}]}]},"visitCounts":{}}'
    assert split_state(old).knots() == state_knots(json.loads(old)) == set()
