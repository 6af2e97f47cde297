"""Merging states is sound: the search with merging sees exactly what the search without it sees.

The exhaustive search identifies a state by a key that leaves out what no later read can observe
(`state_key` with `analysis.observers`). If two states with one key could ever play differently, the
search would miss whatever the second one does. So these tests compare, on small stories, every
transcript (each passage's text and tags, the choices offered, the choice taken, to an ending or to a
depth) of the full tree of play without any merging, with the transcripts read off the graph of
states the keys build — a state met again under a known key is not played again, its future is taken
to be the first one's. The two sets are equal exactly when merging lost nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dreamphases.analysis.observers import EXACT, observers_of
from dreamphases.bundled import bundled_story
from dreamphases.compiler import compile_source
from dreamphases.runtime.engine import Engine, StoryRuntimeError
from dreamphases.runtime.state import state_positions
from dreamphases.testing.explorer import ExploreOptions, Walker
from dreamphases.testing.story import load_story
from dreamphases.testing.strategies.exhaustive import _keys
from tests.testing.support import STORIES, run_explorer

Segment = tuple[str, tuple[str, ...]]  # the text (with tags) up to a choice point, the choices offered
Transcript = tuple[object, ...]
Key = Callable[[str], bytes]


def _play(engine: Engine) -> Segment:
    lines: list[str] = []
    while engine.can_continue():
        line = engine.next_line()
        lines.append(line.text + "#" + "|".join(line.tags))
    return "".join(lines), tuple(engine.choices())


def tree(walker: Walker, depth: int) -> set[Transcript]:
    """Every transcript of up to `depth` choices, playing every path: no state is ever merged."""
    walker.start(walker.options.seed)
    engine = walker.engine
    found: set[Transcript] = set()

    def down(prefix: Transcript, state: str, offered: int, level: int) -> None:
        if not offered:
            found.add(prefix + ("END",))
            return
        if level == depth:
            found.add(prefix + ("CUT",))
            return
        for index in range(offered):
            engine.load_state(state)
            engine.choose(index)
            segment = _play(engine)
            down(prefix + (index, segment), engine.save_state(), len(segment[1]), level + 1)

    first = _play(engine)
    down((first,), engine.save_state(), len(first[1]), 0)
    return found


def quotient(walker: Walker, depth: int, key: Key) -> tuple[set[Transcript], int]:
    """Every transcript of up to `depth` choices read off the graph of states `key` tells apart, and
    how many states it told apart."""
    walker.start(walker.options.seed)
    engine = walker.engine
    first = _play(engine)
    root = key(engine.save_state())
    edges: dict[bytes, list[tuple[int, Segment, bytes | None]]] = {}
    offered = {root: len(first[1])}
    frontier = [(root, engine.save_state())]
    for _ in range(depth):
        following: list[tuple[bytes, str]] = []
        for node, state in frontier:
            out: list[tuple[int, Segment, bytes | None]] = []
            for index in range(offered[node]):
                engine.load_state(state)
                engine.choose(index)
                segment = _play(engine)
                if not segment[1]:
                    out.append((index, segment, None))
                    continue
                after = engine.save_state()
                child = key(after)
                if child not in offered:
                    offered[child] = len(segment[1])
                    following.append((child, after))
                out.append((index, segment, child))
            edges[node] = out
        frontier = following

    def paths(node: bytes, prefix: Transcript, level: int) -> Iterator[Transcript]:
        for index, segment, child in edges[node]:
            here = prefix + (index, segment)
            if child is None:
                yield here + ("END",)
            elif level + 1 == depth:
                yield here + ("CUT",)
            else:
                yield from paths(child, here, level + 1)

    if not first[1]:
        return {(first, "END")}, 1
    if depth == 0:
        return {(first, "CUT")}, 1
    return set(paths(root, (first,), 0)), len(offered)


def _walker(json_text: str, graph: object, **options: object) -> Walker:
    return Walker(json_text, graph, ExploreOptions(mode="exhaustive", visit_bound=1 << 30, **options))  # type: ignore[arg-type]


def merged_key(walker: Walker) -> Key:
    return lambda state: _keys(walker, state)[0]


def full_key(walker: Walker) -> Key:
    return lambda state: _keys(walker, state)[1]


def _check(walker: Walker, depth: int) -> tuple[int, int]:
    """Assert the merged search's transcripts are the tree's; (states told apart with merging, without)."""
    expected = tree(walker, depth)
    merged, merged_states = quotient(walker, depth, merged_key(walker))
    assert merged == expected
    plain, plain_states = quotient(walker, depth, full_key(walker))
    assert plain == expected
    return merged_states, plain_states


SMALL = ["observed", "scenes", "threads", "drift", "detour", "endings", "dead_variable", "two_rooms", "loop", "counter",
         "branches", "choice_identity", "same_text", "well", "coverable", "dead_end"]


@pytest.mark.parametrize("name", SMALL)
def test_merging_keeps_every_transcript_of_the_small_stories(name: str) -> None:
    loaded = load_story(STORIES / f"{name}.ink")
    _check(_walker(loaded.json_text, loaded.graph), depth=5)


def test_merging_keeps_every_transcript_of_the_bundled_story_to_seven_choices() -> None:
    """The real story: functions, a tunnel, stitches and labels, once-only choices, sequences and
    shuffles; its first merges come at six choices."""
    loaded = load_story(bundled_story())
    merged_states, plain_states = _check(_walker(loaded.json_text, loaded.graph), depth=7)
    assert merged_states < plain_states


def test_values_only_compared_with_constants_are_merged_into_classes() -> None:
    loaded = load_story(STORIES / "observed.ink")
    walker = _walker(loaded.json_text, loaded.graph)
    merged_states, plain_states = _check(walker, depth=5)
    assert merged_states < plain_states  # `mood` 5 and 7, `unread`, the garden's count past 1: merged


def test_the_check_fails_when_a_key_drops_what_a_read_observes() -> None:
    """The comparison can fail: pretend `score` (raised, then compared with 3) is never read."""
    loaded = load_story(STORIES / "observed.ink")
    walker = _walker(loaded.json_text, loaded.graph)
    observers = observers_of(walker.instrumented[0].text(()))
    for container in observers.containers:
        container.events = [e for e in container.events if e[1][:2] != ("var", "score")]
    walker.cache["observers"] = observers
    assert quotient(walker, 5, merged_key(walker))[0] != tree(walker, 5)


def test_a_story_that_diverts_through_variables_is_still_merged_by_what_is_reachable() -> None:
    loaded = load_story(STORIES / "detour.ink")
    assert not observers_of(loaded.json_text).dynamic  # every address it diverts through is one it takes
    merged_states, plain_states = _check(_walker(loaded.json_text, loaded.graph), depth=6)
    assert merged_states < plain_states


def test_what_only_earlier_scenes_of_a_knot_read_is_merged() -> None:
    """`mood` is read in the morning only: in the afternoon, Smile and Frown lead to one state."""
    loaded = load_story(STORIES / "scenes.ink")
    walker = _walker(loaded.json_text, loaded.graph)
    merged_states, plain_states = _check(walker, depth=5)
    assert merged_states < plain_states


def test_the_check_fails_when_return_points_on_the_call_stack_are_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparison can fail: a state inside the tunnel that forgets where it returns to no
    longer sees `luck` read after the return, and merges the lucky and unlucky mornings."""
    import dreamphases.testing.state_key as state_key

    def choices_only(data: dict[str, object]) -> list[tuple[str, int]]:
        return [(path, index) for path, index in state_positions(data) if index < 0]

    monkeypatch.setattr(state_key, "state_positions", choices_only)
    loaded = load_story(STORIES / "scenes.ink")
    walker = _walker(loaded.json_text, loaded.graph)
    assert quotient(walker, 5, merged_key(walker))[0] != tree(walker, 5)


def test_the_check_fails_when_a_raised_value_is_merged_below_its_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparison can fail: treat `score` (raised by 2, compared with 3) as if nothing changed it,
    and scores 0 and 2 merge although one more raise tells them apart."""
    from dreamphases.analysis.observers import Observers

    monkeypatch.setattr(Observers, "variable_drift", lambda self, name, view=None: 0)
    loaded = load_story(STORIES / "drift.ink")
    walker = _walker(loaded.json_text, loaded.graph)
    assert quotient(walker, 5, merged_key(walker))[0] != tree(walker, 5)


def test_a_value_printed_or_doubled_stays_exact_and_a_raised_or_constant_one_gets_classes() -> None:
    observers = observers_of(load_story(STORIES / "observed.ink").json_text)
    everywhere = None
    assert observers.variable_cuts("mood", everywhere) == frozenset({5.0})
    assert observers.variable_cuts("score", everywhere) == frozenset({4.0})  # only raised: past 3 stays past
    assert observers.variable_drift("score", everywhere) == 1
    assert observers.variable_cuts("shown", everywhere) is EXACT  # printed
    assert observers.variable_cuts("unread", everywhere) is None  # never read
    assert observers.count_cuts("hub", everywhere) == frozenset({4.0})
    assert observers.count_cuts("garden", everywhere) == frozenset({0.0, 1.0})
    assert observers.turns


def test_a_value_only_raised_or_only_lowered_keeps_classes_past_its_cuts() -> None:
    loaded = load_story(STORIES / "drift.ink")
    observers = observers_of(loaded.json_text)
    assert (observers.variable_cuts("score"), observers.variable_drift("score")) == (frozenset({4.0}), 1)
    assert (observers.variable_cuts("fuel"), observers.variable_drift("fuel")) == (frozenset({2.0}), -1)
    assert observers.variable_cuts("wild") is EXACT  # doubled: could cross the cut from anywhere
    merged_states, plain_states = _check(_walker(loaded.json_text, loaded.graph), depth=5)
    assert merged_states < plain_states


def test_the_explorer_covers_the_same_with_and_without_merging() -> None:
    for name in ("observed", "endings", "dead_variable", "two_rooms", "branches"):
        merged = run_explorer(name, mode="exhaustive", max_depth=8, visit_bound=1 << 30)
        plain = run_explorer(name, mode="exhaustive", max_depth=8, visit_bound=1 << 30, liveness=False)
        # the same endings by the same shortest paths (how often each was met differs: fewer states)
        assert [(e.name, e.path) for e in merged.endings] == [(e.name, e.path) for e in plain.endings], name
        assert (merged.visited, merged.taken) == (plain.visited, plain.taken), name
        assert merged.stats.states <= plain.stats.states, name


# -- generated stories ------------------------------------------------------------------------------

_OPS = st.sampled_from(["<", "<=", ">", ">=", "==", "!="])


@st.composite
def stories(draw: st.DrawFn) -> str:
    """A small hub story: variables set, raised and compared, printed or not; once-only and sticky
    choices; visit counts tested and compared; endings."""
    names = ["a", "b", "c"]
    lines = [f"VAR {n} = {draw(st.integers(0, 2))}" for n in names] + ["-> hub", "=== hub ==="]
    for _ in range(draw(st.integers(0, 2))):
        name = draw(st.sampled_from(names))
        lines.append(f"{{{name} {draw(_OPS)} {draw(st.integers(0, 4))}: {name} holds.}}")
    if draw(st.booleans()):
        lines.append("{hub > 2: Again the hub.}")
    if draw(st.booleans()):
        lines.append(f"Printed {{{draw(st.sampled_from(names))}}}.")
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(["{&Tick|Tock}", "{~Wind|Rain|Sun}", "{stopping:First|Then}",
                                           "{TURNS_SINCE(-> side) == 1: Back from the side.}"])))
    for n in range(draw(st.integers(2, 3))):
        sticky = draw(st.booleans())
        condition = ""
        if draw(st.booleans()):
            condition = f"{{{draw(st.sampled_from(names))} {draw(_OPS)} {draw(st.integers(0, 4))}}} "
        elif draw(st.booleans()):
            condition = "{side} "
        action = draw(st.sampled_from(["=", "+=", "-=", "none"]))
        name = draw(st.sampled_from(names))
        body = "" if action == "none" else f"  ~ {name} {action} {draw(st.integers(0, 3))}\n"
        target = draw(st.sampled_from(["hub", "side", "finish"]))
        lines.append(f"{'+' if sticky else '*'} {condition}[Option {n}]\n{body}  -> {target}")
    side = draw(st.sampled_from(["", "{side > 1: Here again.}", "{not side: never}"]))
    lines += ["=== side ===", f"A side room. {side}", "+ [Back] -> hub",
              "=== finish ===", f"{{{draw(st.sampled_from(names))} {draw(_OPS)} 1: One way.|The other way.}}",
              "The end. # ending: end", "-> END"]
    return "\n".join(lines) + "\n"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stories())
def test_merging_keeps_every_transcript_of_generated_stories(source: str) -> None:
    result = compile_source(source, "generated.ink")
    assert result.json_text is not None, source
    walker = _walker(result.json_text, result.graph)
    try:
        _check(walker, depth=4)
    except StoryRuntimeError:  # a generated story may run out of content: not what this checks
        pass




@st.composite
def stories_with_flow(draw: st.DrawFn) -> str:
    """Stitches, labels, a tunnel, a thread, functions that read and write globals (one by reference),
    a divert through a variable."""
    names = ["a", "b"]
    lines = [f"VAR {n} = {draw(st.integers(0, 2))}" for n in names] + ["VAR detour = -> hub", "-> hub"]
    lines += ["=== function bump(ref x) ===", "~ x = x + 1",
              "=== function set_to(v) ===", f"~ {draw(st.sampled_from(names))} = v",
              "=== function test() ===",
              f"~ return {draw(st.sampled_from(names))} {draw(_OPS)} {draw(st.integers(0, 3))}",
              "=== tunnel ===", "{tunnel > 1: Tunnel again.}",
              f"{{{draw(st.sampled_from(names))} {draw(_OPS)} 1: In.}}", "->->",
              "=== offer ===",  # a thread: its choice carries the thread's call stack
              f"{draw(st.sampled_from(['*', '+']))} [Offered]", f"  ~ {draw(st.sampled_from(names))} = 2", "  -> hub",
              "=== hub ==="]
    if draw(st.booleans()):
        lines.append("<- offer")
    if draw(st.booleans()):
        lines.append("{hub.room > 0: Roomed.}")
    if draw(st.booleans()):
        lines.append("-> tunnel ->")
    if draw(st.booleans()):
        lines.append("{test(): Tested.}")
    for n in range(draw(st.integers(2, 3))):
        condition = ""
        if draw(st.booleans()):
            condition = f"{{{draw(st.sampled_from(names))} {draw(_OPS)} {draw(st.integers(0, 3))}}} "
        elif draw(st.booleans()):
            condition = draw(st.sampled_from(["{room} ", "{not room} ", "{hub.room > 1} ", "{back} "]))
        action = draw(st.sampled_from(["", "~ set_to(2)", "~ bump(a)", "~ b = 1", "~ a++", "~ detour = -> room"]))
        target = draw(st.sampled_from(["hub", "room", "finish", "detour"]))  # `detour`: through a variable
        lines.append(f"{'+' if draw(st.booleans()) else '*'} {condition}[Option {n}]"
                     + (f"\n  {action}" if action else "") + f"\n  -> {target}")
    lines += ["= room", "A room.", "+ (back) [Back] -> hub", "+ {a > 2} [Out] -> finish",
              "=== finish ===", f"{{{draw(st.sampled_from(names))} {draw(_OPS)} 1: One way.|The other way.}}",
              "The end. # ending: end", "-> END"]
    return "\n".join(lines) + "\n"


#: found by hypothesis: `-> detour` reads `detour` with no `VAR?` before it, so it was taken for unread
_DIVERTED_THROUGH = """VAR detour = -> hub
-> hub
=== hub ===
* [Option 0]
  -> detour
+ [Option 1]
  ~ detour = -> room
  -> hub
= room
A room.
+ [Back] -> hub
"""


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stories_with_flow())
@example(_DIVERTED_THROUGH)
def test_merging_keeps_every_transcript_of_generated_stories_with_tunnels_and_functions(source: str) -> None:
    result = compile_source(source, "generated.ink")
    assert result.json_text is not None, source
    walker = _walker(result.json_text, result.graph)
    try:
        _check(walker, depth=4)
    except StoryRuntimeError:
        pass


@pytest.mark.parametrize(("read", "cuts"), [
    ("{n < 5: yes}", frozenset({5.0})),
    ("{5 > n: yes}", frozenset({5.0})),  # the constant first: the same split
    ("{n >= 2: yes}", frozenset({2.0})),
    ("{n <= 2: yes}", frozenset({3.0})),
    ("{n == 3: yes}", frozenset({3.0, 4.0})),
    ("{n: yes}", frozenset({0.0, 1.0})),  # a truth test
    ("{n and flag: yes}", frozenset({0.0, 1.0})),
    ("{not n: yes}", frozenset({0.0, 1.0})),
    ("{n}", EXACT),  # printed
    ("{n + 1 > 3: yes}", EXACT),  # arithmetic before the comparison
    ("{n > flag: yes}", EXACT),  # compared with another variable
])
def test_each_read_is_classified_by_what_it_can_tell_apart(read: str, cuts: frozenset[float]) -> None:
    source = f"VAR n = 0\nVAR flag = true\n{read}\n~ n = 1\n-> END\n"
    result = compile_source(source, "read.ink")
    assert result.json_text is not None
    assert observers_of(result.json_text).variable_cuts("n", None) == cuts


_SCENES = """VAR early = 0
VAR late = 0
-> scene
=== scene ===
= first
{early > 1: Early.}
* [On] -> second
= second
{true:
  - Inside.
}
{late > 2: Late.}
* [End] -> DONE
"""


@pytest.mark.parametrize(("position", "observed"), [
    (("scene.first", -1), {"early", "late"}),  # a choice's target, entered at its start
    (("scene.second", -1), {"late"}),  # the earlier stitch is not reachable from here
    (("scene.second.0", 1), {"late"}),  # a call-stack frame: from that item on
    (("scene.second.0", 14), set()),  # past the last read
    (("scene.second.0.3", 1), {"late"}),  # the end of a nested container flows on in its parent
    (("no.such.place", 0), {"early", "late"}),  # a position the story does not have: anything
])
def test_a_position_observes_only_the_reads_flow_can_still_reach(position: tuple[str, int], observed: set[str]) -> None:
    result = compile_source(_SCENES, "scenes.ink")
    assert result.json_text is not None
    assert set(observers_of(result.json_text).view([position]).variables) == observed
