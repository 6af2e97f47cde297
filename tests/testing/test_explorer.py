"""The explorer on small stories whose answers are known by reading them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from dreamphases.runtime.state import canonical_hash
from dreamphases.testing.report import ExploreReport, finding_spec, merge_reports
from dreamphases.testing.runner import run_spec
from dreamphases.testing.spec import parse_spec
from tests.testing.support import STORIES

Explore = Callable[..., ExploreReport]


def endings(report: ExploreReport) -> dict[str, list[str]]:
    return {f.name: f.choices for f in report.endings}


def test_exhaustive_search_reaches_every_reachable_ending_by_its_shortest_path(explored: Explore) -> None:
    report = explored("endings", mode="exhaustive")
    assert endings(report) == {
        "home": ["Go home"],
        "drowned": ["Board the ferry", "Jump"],
        "island": ["Buy a map", "Board the ferry", "Read the map"],
    }
    assert not report.errors and not report.dead_ends


def test_an_unreachable_ending_is_reported_missing(explored: Explore) -> None:
    report = explored("endings", mode="exhaustive", expected=["home", "legend"])
    assert report.missing_endings() == ["legend"]
    assert report.failed()


def test_a_never_taken_choice_is_listed(explored: Explore) -> None:
    report = explored("endings", mode="exhaustive")
    assert [c.text for c in report.untaken_choices()] == ["Take the helm"]


def test_a_dead_end_is_reported_with_the_path_to_it(explored: Explore) -> None:
    report = explored("dead_end", mode="exhaustive")
    assert [(d.name, d.choices) for d in report.dead_ends] == [
        ("the story stopped without an `# ending:` tag", ["Right door"]),
    ]
    assert report.failed()


def test_untagged_stops_can_be_allowed(explored: Explore) -> None:
    assert not explored("dead_end", mode="exhaustive", untagged_ok=True).dead_ends


def test_a_knot_nothing_diverts_to_is_never_reached(explored: Explore) -> None:
    assert explored("dead_end", mode="exhaustive").unreached_nodes() == ["attic"]


def test_a_runtime_error_is_reported_with_the_path_that_triggers_it(explored: Explore) -> None:
    report = explored("runtime_error", mode="exhaustive")
    assert len(report.errors) == 1
    error = report.errors[0]
    assert "RANDOM" in error.name
    assert error.choices == ["Roll a broken die"]
    assert [e.name for e in report.endings] == ["rolled"]


def test_a_loop_back_to_a_hub_terminates_the_exhaustive_search(explored: Explore) -> None:
    report = explored("loop", mode="exhaustive", max_depth=200)
    assert endings(report) == {"outside": ["Leave"]}
    assert report.stats.frontier_left == 0  # it ran out of new states, not of depth
    assert report.stats.states < 50


def test_output_without_a_choice_forever_is_an_error_not_a_hang(explored: Explore) -> None:
    report = explored("endless", mode="exhaustive", max_lines=200)
    assert [(e.name, e.choices) for e in report.errors] == [
        ("no choice after 200 lines of output (an endless loop?)", ["Listen"]),
    ]


def test_random_walks_find_the_same_endings(explored: Explore) -> None:
    report = explored("endings", mode="random", runs=200, seed=5)
    assert set(endings(report)) == {"home", "drowned", "island"}
    assert report.stats.walks == 200


@pytest.mark.parametrize("mode", ["random", "exhaustive"])
def test_the_report_does_not_depend_on_the_number_of_processes(explored: Explore, mode: str) -> None:
    one = explored("loop", mode=mode, runs=60, seed=9, max_depth=12, jobs=1)
    two = explored("loop", mode=mode, runs=60, seed=9, max_depth=12, jobs=2)
    assert one.deterministic() == two.deterministic()


@pytest.mark.parametrize("mode", ["random", "exhaustive"])
def test_merged_shards_equal_one_whole_run(explored: Explore, mode: str) -> None:
    whole = explored("endings", mode=mode, runs=80, seed=2)
    parts = [explored("endings", mode=mode, runs=80, seed=2, shard=(i, 3)) for i in (1, 2, 3)]
    assert not parts[0].complete
    merged = merge_reports(parts)
    assert merged.complete
    assert merged.deterministic() == whole.deterministic()


def test_the_same_seed_gives_the_same_walks_and_another_seed_other_walks(explored: Explore) -> None:
    first = explored("loop", mode="random", runs=30, seed=1)
    again = explored("loop", mode="random", runs=30, seed=1)
    other = explored("loop", mode="random", runs=30, seed=2)
    assert first.deterministic() == again.deterministic()
    assert first.stats.choices != other.stats.choices


def test_the_shortest_path_to_an_ending_replays_as_a_passing_spec(explored: Explore, tmp_path: Path) -> None:
    report = explored("endings", mode="exhaustive")
    island = next(f for f in report.endings if f.name == "island")
    text = finding_spec(report, island, str(STORIES / "endings.ink"))
    result = run_spec(parse_spec(text, tmp_path / "island.playthrough.yaml"))
    assert result.passed, result.failure and result.failure.render()


def test_states_that_differ_only_in_thread_numbering_hash_alike() -> None:
    def state(thread: int) -> str:
        flow = {
            "callstack": {"threadCounter": thread + 1, "threads": [{"threadIndex": thread}]},
            "currentChoices": [{"originalThreadIndex": thread + 1, "text": "a"}],
            "choiceThreads": {str(thread + 1): {"threadIndex": thread + 1}},
            "outputStream": ["^x"],
        }
        return json.dumps({"flows": {"F": flow}, "visitCounts": {"k": 3 + thread},
                           "turnIndices": {"k": thread}, "variablesState": {}})

    assert canonical_hash(state(2), 3, set()) == canonical_hash(state(7), 3, set())
    assert canonical_hash(state(2), 9, set()) != canonical_hash(state(7), 9, set())


def test_the_state_budget_stops_a_search_too_big_to_finish(explored: Explore) -> None:
    small = explored("counter", mode="exhaustive", max_depth=200, max_states=3)
    assert small.stats.truncated > 0
    assert small.stats.frontier_left > 0
    assert small.stats.states < explored("counter", mode="exhaustive", max_depth=200).stats.states


def test_a_crash_inside_the_runtime_is_reported_with_its_own_message(
        explored: Explore, capfd: pytest.CaptureFixture[str]) -> None:
    report = explored("crash", mode="exhaustive")
    assert [(e.name, e.choices) for e in report.errors] == [
        ("RUNTIME ERROR: the runtime crashed: attempt to divide by zero", ["Divide by nobody"]),
    ]
    assert "panicked" not in capfd.readouterr().err  # the runtime's own noise does not reach the user


def test_a_conditional_branch_nothing_can_reach_is_listed(explored: Explore) -> None:
    report = explored("branches", mode="exhaustive")
    assert [(b.line, b.condition) for b in report.untaken_branches()] == [(13, "not (lamp or not lamp)")]


def test_branches_taken_on_some_path_are_not_listed(explored: Explore) -> None:
    report = explored("branches", mode="random", runs=20)
    assert all(b.line != 10 for b in report.untaken_branches())
