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
    assert merged.findings() == whole.findings()


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



def test_a_choice_with_inline_content_counts_as_taken(explored: Explore) -> None:
    report = explored("choice_identity", mode="exhaustive")
    assert [(c.node, c.line) for c in report.untaken_choices()] == [("porch", 17)]


def test_choices_with_the_same_text_are_covered_separately(explored: Explore) -> None:
    report = explored("same_text", mode="exhaustive")
    assert [(c.text, c.line) for c in report.untaken_choices()] == [("Leave", 5)]


# -- a runtime that crashes its process --------------------------------------------------------------

@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("mode", ["random", "exhaustive", "guided"])
def test_a_walk_that_crashes_the_runtime_is_reported_and_exploration_goes_on(
        explored: Explore, mode: str, jobs: int) -> None:
    report = explored("segfault", mode=mode, runs=30, jobs=jobs)
    crashes = [e for e in report.errors if "crashed the process" in e.name]
    assert [c.choices for c in crashes] == [["Open the box"]]
    assert "away" in endings(report)


def test_the_crash_report_does_not_depend_on_the_number_of_processes(explored: Explore) -> None:
    one = explored("segfault", mode="random", runs=40, seed=3, jobs=1)
    two = explored("segfault", mode="random", runs=40, seed=3, jobs=2)
    assert one.deterministic() == two.deterministic()


# -- the guided search ---------------------------------------------------------------------------

@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_guided_search_finds_a_branch_random_walks_almost_never_take(explored: Explore, seed: int) -> None:
    # 400 walks: seed 3 took over 300 once half of the walks aimed at a target that resisted 64 of them
    # start from the story's start to learn (`LEARN_FROM_START`); random walks take none of seeds 1-8
    guided = explored("well", mode="guided", runs=400, seed=seed)
    random_walks = explored("well", mode="random", runs=400, seed=seed)
    assert "bottom" in endings(guided)
    assert "bottom" not in endings(random_walks)


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_guided_search_finds_a_branch_behind_a_stat_and_a_flag_by_branch_distance(explored: Explore,
                                                                                  seed: int) -> None:
    # `trust >= 8 and key`: about 1 random walk in 7,000 opens the vault; coverage alone cannot tell a
    # walk that is getting closer, the branch distance can
    guided = explored("vault", mode="guided", runs=500, seed=seed)
    random_walks = explored("vault", mode="random", runs=500, seed=seed)
    assert "vault" in endings(guided)
    assert "vault" not in endings(random_walks)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_walk_aimed_at_a_target_plays_on_past_the_walk_length(explored: Explore, seed: int) -> None:
    # the vault's gate lies 15 choices of corridor past the turns that win the guard over, further
    # than a walk from a corpus state may go here (10), and nothing in the corridor brings a state
    # closer: only walks aimed at the vault that play on to the end reach it
    guided = explored("far_vault", mode="guided", runs=500, seed=seed, walk_steps=10)
    random_walks = explored("far_vault", mode="random", runs=500, seed=seed)
    assert "vault" in endings(guided)
    assert "vault" not in endings(random_walks)


def test_guided_search_covers_what_random_walks_cover(explored: Explore) -> None:
    report = explored("endings", mode="guided", runs=200)
    assert set(endings(report)) == {"home", "drowned", "island"}
    assert [c.text for c in report.untaken_choices()] == ["Take the helm"]


@pytest.mark.parametrize("mode", ["random", "guided", "exhaustive"])
def test_every_strategy_reports_the_same_whatever_the_number_of_processes(explored: Explore, mode: str) -> None:
    one = explored("well", mode=mode, runs=200, seed=4, max_depth=10, jobs=1)
    two = explored("well", mode=mode, runs=200, seed=4, max_depth=10, jobs=2)
    assert one.deterministic() == two.deterministic()


def test_guided_shards_merge_into_one_report(explored: Explore) -> None:
    parts = [explored("endings", mode="guided", runs=100, seed=2, shard=(i, 2)) for i in (1, 2)]
    merged = merge_reports(parts)
    assert merged.complete
    assert merged.stats.walks == 100
    assert set(endings(merged)) == {"home", "drowned", "island"}


# -- stopping rules and milestones ---------------------------------------------------------------

@pytest.mark.parametrize("mode", ["random", "guided", "exhaustive"])
def test_until_covered_stops_once_everything_is_covered(explored: Explore, mode: str) -> None:
    report = explored("coverable", mode=mode, runs=1 << 40, until_covered=True)
    assert report.stop_reason == "everything was covered (--until-covered)"
    assert not report.untaken_choices() and not report.untaken_branches() and not report.unreached_nodes()
    assert {m.name: (m.covered, m.total) for m in report.milestones} == {
        "endings": (2, 2), "choices": (4, 4), "branches": (2, 2), "nodes": (3, 3)}


@pytest.mark.parametrize("mode", ["random", "guided"])
def test_until_covered_stops_when_the_second_half_of_the_walks_found_nothing(explored: Explore, mode: str) -> None:
    report = explored("endings", mode=mode, runs=1 << 40, until_covered=True)
    assert report.stop_reason.startswith("nothing new was found in the second half")
    last = max(m.work for m in report.milestones)
    assert report.stats.walks >= 2 * last
    assert report.stats.walks < 5000


def test_until_covered_gives_the_same_report_whatever_the_number_of_processes(explored: Explore) -> None:
    one = explored("endings", mode="guided", runs=1 << 40, until_covered=True, jobs=1)
    two = explored("endings", mode="guided", runs=1 << 40, until_covered=True, jobs=2)
    assert one.deterministic() == two.deterministic()


def test_a_time_budget_stops_an_endless_search(explored: Explore) -> None:
    import time

    started = time.perf_counter()
    report = explored("well", mode="random", runs=1 << 40, budget=1.0)
    assert report.stop_reason == "the time budget of 1 s ran out (--budget)"
    assert report.stats.walks > 0
    assert time.perf_counter() - started < 60  # it stopped; how soon depends on the machine


def test_runs_done_is_the_stop_reason_without_a_rule(explored: Explore) -> None:
    assert explored("endings", mode="random", runs=50).stop_reason == "all 50 walks were played (--runs)"


def test_milestones_say_when_each_kind_of_coverage_was_complete(explored: Explore) -> None:
    report = explored("endings", mode="random", runs=200, seed=5)
    endings_done = next(m for m in report.milestones if m.name == "endings")
    assert endings_done.covered == 3 and endings_done.total == 4  # `legend` is unreachable
    assert 0 < endings_done.work <= 200


# -- exhaustive search with liveness -------------------------------------------------------------

def test_states_differing_only_in_a_variable_nothing_reads_are_merged(explored: Explore) -> None:
    merged = explored("dead_variable", mode="exhaustive", max_depth=40)
    assert merged.stats.frontier_left == 0  # it ran out of new states, not of depth
    assert merged.stats.merged > 0
    assert set(endings(merged)) == {"open", "locked"}  # `key` is read later: never merged away
    plain = explored("dead_variable", mode="exhaustive", max_depth=40, liveness=False)
    assert plain.stats.merged == 0
    assert plain.stats.frontier_left > 0  # every hum is a new state: it runs out of depth


def test_liveness_drops_only_what_no_later_read_can_observe() -> None:
    from dreamphases.testing.explorer import ExploreOptions, Tally, Walker
    from dreamphases.testing.story import load_story

    loaded = load_story(STORIES / "two_rooms.ink")
    walker = Walker(loaded.json_text, loaded.graph, ExploreOptions())
    walker.start(1)
    walker.settle(Tally(), (), 1)
    walker.choose(0)  # Knock: noise is read in the yard, the hall is never seen again
    walker.settle(Tally(), (0,), 1)
    data = json.loads(walker.state_text())
    liveness = walker.facts().liveness
    assert liveness is not None
    assert "hall.0.c-0" in data["visitCounts"]
    assert liveness.dead(data) == set()  # `noise` is read by the yard's choice
    assert liveness.prune_counts(data)
    assert not [k for k in data["visitCounts"] if k.startswith("hall.0.")]


def test_a_time_budget_stops_a_search_in_the_middle_of_a_long_task(explored: Explore) -> None:
    import time

    started = time.perf_counter()
    report = explored("counter", mode="exhaustive", max_depth=10**6, max_states=10**9, budget=1.0)
    assert report.stop_reason == "the time budget of 1 s ran out (--budget)"
    assert time.perf_counter() - started < 30  # not when the (endless) subtree tasks finish
