"""Who holds what during a run: the parent plans and writes the report without loading the runtime, and
each worker loads the story without its graph. Memory on a big story depends on it (issue 15)."""

from __future__ import annotations

import pickle

import pytest

from dreamphases.runtime.engine import StoryLoadError
from dreamphases.testing.explorer import ExploreOptions, Walker, explore
from dreamphases.testing.report import build_report
from dreamphases.testing.story import load_story
from tests.testing.support import STORIES


def _walker(name: str, **options: object) -> Walker:
    loaded = load_story(STORIES / f"{name}.ink")
    return Walker(loaded.json_text, loaded.graph, ExploreOptions(**options))  # type: ignore[arg-type]


@pytest.mark.parametrize("mode", ["random", "exhaustive", "guided"])
def test_the_process_writing_the_report_never_loads_the_runtime(mode: str) -> None:
    walker = _walker("endings", mode=mode, runs=20)
    outcome = explore(walker, jobs=1)
    report = build_report("endings", "sha", walker.options, outcome, walker, walker.graph, (1, 1), [], 1.0, 1)
    assert not walker.runtime_loaded
    assert report.endings and all(found.choices for found in report.endings if found.path)


def test_the_report_quotes_the_choices_to_a_finding_as_an_in_process_replay_does() -> None:
    walker = _walker("runtime_error", runs=30)
    outcome = explore(walker, jobs=2)
    report = build_report("e", "sha", walker.options, outcome, walker, walker.graph, (1, 1), [], 1.0, 2)
    assert report.errors
    here = _walker("runtime_error")
    for found in report.errors:
        assert found.choices == here.replay(tuple(found.path), found.seed)


def test_a_worker_is_built_without_the_story_graph_but_with_the_facts_strategies_use() -> None:
    walker = _walker("two_rooms", mode="guided")
    make = pickle.loads(pickle.dumps(walker.for_worker(with_facts=True)))
    worker = make()
    assert worker.graph is None and walker.graph is not None
    assert worker.facts() == walker.facts()
    assert worker.node_paths == walker.node_paths


def test_random_walk_workers_are_not_sent_facts_they_never_read() -> None:
    walker = _walker("two_rooms")
    worker = walker.for_worker(with_facts=False)()
    assert worker.facts().liveness is None  # built from no graph: nothing was shipped


def test_a_story_the_runtime_rejects_raises_its_load_error_from_the_worker() -> None:
    walker = Walker('{"inkVersion": 21, "root": "not a container"}', None, ExploreOptions(runs=3))
    with pytest.raises(StoryLoadError):
        explore(walker, jobs=1)


def test_the_report_gives_the_workers_cpu_time_beside_the_wall_time() -> None:
    walker = _walker("endings", runs=40)
    outcome = explore(walker, jobs=2)
    report = build_report("endings", "sha", walker.options, outcome, walker, walker.graph, (1, 1), [], 1.0, 2)
    assert report.timing is not None
    assert report.timing.cpu_seconds > 0
    assert report.timing.choices_per_cpu_second == pytest.approx(report.stats.choices / report.timing.cpu_seconds,
                                                                 rel=0.01)


def test_a_story_counting_fewer_coverage_flags_is_spliced_and_plays_the_same() -> None:
    from dreamphases.runtime.engine import Engine
    from dreamphases.testing.story import count_flags

    loaded = load_story(STORIES / "two_rooms.ink")
    flags, paths, added = count_flags(loaded.json_text, loaded.graph)
    assert added and len(flags.slots) == len(added)
    some = set(sorted(added)[::2])

    def play(text: str) -> tuple[list[str], dict[str, int]]:
        engine = Engine(text)
        engine.set_seed(7)
        shown: list[str] = []
        for pick in (0, 0, 1, 0, 0):
            while engine.can_continue():
                shown.append(engine.next_text())
            offered = engine.choices()
            if not offered:
                break
            shown += offered
            engine.choose(pick % len(offered))
        return shown, {p: engine.visit_count(p) for p in sorted(added)}

    everything, counted = play(flags.text(added))
    fewer, partly = play(flags.text(some))
    nothing, uncounted = play(flags.text(set()))
    assert everything == fewer == nothing
    assert any(counted.values())
    assert {p: n for p, n in counted.items() if p in some} == {p: n for p, n in partly.items() if p in some}
    assert not any(n for p, n in partly.items() if p not in some) and not any(uncounted.values())


@pytest.mark.parametrize("mode", ["random", "guided"])
def test_the_timeline_notes_the_workers_cpu_time_each_time_coverage_grows(mode: str) -> None:
    # a race to a target on a busy machine is judged in CPU seconds as well as wall-clock ones
    outcome = explore(_walker("endings", mode=mode, runs=60), jobs=2)
    cpu = [entry[3] for entry in outcome.timeline]
    assert cpu == sorted(cpu)
    assert 0 < cpu[-1] <= outcome.cpu_seconds


class _BrokenStory(Exception):
    pass


def _unbuildable() -> object:
    raise _BrokenStory("the story does not load")


class _SlowToSend:
    """A task whose pickling takes long enough for a worker that fails at once to be gone before it is sent."""

    def __reduce__(self) -> tuple[object, tuple[()]]:
        import time

        time.sleep(1.5)
        return (_SlowToSend, ())

    def run(self, context: object, trail: object, skip: frozenset[int]) -> None:
        return None


def test_a_worker_that_fails_before_its_first_task_is_sent_raises_its_error_not_a_broken_pipe() -> None:
    from dreamphases.testing.pool import Pool

    with Pool[None](1, _unbuildable) as pool, pytest.raises(_BrokenStory):
        list(pool.run([_SlowToSend()]))
