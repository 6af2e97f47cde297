"""The reading model (`tools/reading.py`): a route is a sequence of choice points as a reader meets
them, so the figures `stats` and L011 give are words one reader can actually read — checked here
against the runtime playing the same route."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dreamphases.compiler import compile_path
from dreamphases.compiler.graph import StoryGraph
from dreamphases.runtime.engine import Engine
from dreamphases.tools.reading import Passages, RouteFigures, is_choice_state


def _words(text: str) -> int:
    return len(text.split())


@pytest.fixture
def compiled(write_story: Callable[..., Path]) -> Callable[[str], tuple[StoryGraph, str]]:
    def run(source: str) -> tuple[StoryGraph, str]:
        result = compile_path(write_story(source))
        assert result.graph is not None and result.json_text is not None, result.diagnostics
        return result.graph, result.json_text

    return run


def _route(graph: StoryGraph) -> RouteFigures:
    [route] = Passages.build(graph).routes()
    return route


def _play(json_text: str, graph: StoryGraph, states: list[str]) -> int:
    """Words the runtime prints when a reader takes the options named in `states`, in order."""
    engine = Engine(json_text)
    taken = [graph.choices[int(s[1:])].text for s in states if is_choice_state(s)]
    words = 0
    while True:
        while engine.can_continue():
            words += _words(engine.next_line().text)
        offered = engine.choices()
        if not offered:
            break
        assert taken, f"the route ran out of options where the story offers {offered}"
        wanted = taken.pop(0)
        assert wanted in offered, f"the route takes “{wanted}” where the story offers {offered}"
        engine.choose(offered.index(wanted))
    assert not taken, f"the story ended before the route took {taken}"
    return words


SCENE = """
    The hall is long and the lamps are low.
    -> hall
    === hall ===
    Three doors wait at the end of it.
    * [Left] A corridor of coats.
    * [Middle] A kitchen.
    * [Right] A staircase that goes down a long way, further than the house is tall.
    - The doors close behind you.
    * [Sit] You sit.
    * [Stand] You stand, and stand, and the floor does not mind at all.
    - You leave. # ending: out
    -> END
    """


def test_a_reader_takes_one_option_of_each_set(compiled):
    graph, json_text = compiled(SCENE)
    route = _route(graph)
    taken = [graph.choices[int(s[1:])].text for s in route.longest_path if is_choice_state(s)]
    assert taken == ["Right", "Stand"]
    assert route.longest_words == _play(json_text, graph, route.longest_path)


def test_the_shortest_route_takes_the_shortest_options(compiled):
    graph, json_text = compiled(SCENE)
    assert _route(graph).shortest_words == _play(json_text, graph, ["#1", "#3"])  # Middle, Sit


NESTED = """
    -> yard
    === yard ===
    Rain on the yard.
    * [Go to the shed] The shed door sticks.
      * * [Push] You push until it gives, and dust comes down like a second rain.
      * * [Knock] You knock.
    * [Stay] You stay out in the rain a while longer, getting wetter and not minding.
    - The rain stops.
    * [Go home] Home, then. # ending: home
      -> END
    """


def test_nested_options_are_met_after_their_parent_and_fall_through_to_the_outer_gather(compiled):
    graph, json_text = compiled(NESTED)
    route = _route(graph)
    taken = [graph.choices[int(s[1:])].text for s in route.longest_path if is_choice_state(s)]
    assert taken[:2] == ["Go to the shed", "Push"]
    # the gather's line is in each option's count, read once
    assert route.longest_words == _play(json_text, graph, route.longest_path)


def test_an_option_that_diverts_does_not_fall_through_to_the_next_set(compiled):
    graph, json_text = compiled("""
        Morning.
        * [Leave now] You leave before anyone wakes, which is a long story in itself. -> gone
        * [Wait] You wait.
        - Breakfast.
        * [Eat] You eat. -> gone
        === gone ===
        Gone. # ending: gone
        -> END
        """)
    route = _route(graph)
    taken = [graph.choices[int(s[1:])].text for s in route.longest_path if is_choice_state(s)]
    assert taken == ["Leave now"]
    assert route.longest_words == _play(json_text, graph, route.longest_path)


def test_a_tunnel_that_only_returns_is_read_in_the_gather(compiled):
    graph, json_text = compiled("""
        Start.
        * [A] Aye.
        * [B] Bee bee.
        - -> aside ->
        Done now. # ending: done
        -> END
        === aside ===
        A little aside of seven words here.
        ->->
        """)
    route = _route(graph)
    assert route.longest_words == _play(json_text, graph, route.longest_path)


def test_sibling_options_never_add_up_on_one_route(builder):
    g = builder().knot("hall", words_before_choice=5).edge("", "hall")
    for line, words in ((3, 100), (4, 200), (5, 300)):
        g.choice("hall", f"door {line}", line=line, choice_set=1, words=words)
    g.edge("hall", "END", line=6)
    [route] = Passages.build(g.graph).routes()
    assert (route.shortest_words, route.longest_words) == (105, 305)
