"""When a strategy plans, and from which results (`strategies.base.Rounds`): a plan made with tasks still
running sees a fixed prefix of the results in task order, so the search is the same whatever `--jobs`
(issue 15: the guided search's workers sat idle while the parent planned)."""

from __future__ import annotations

import time
from typing import Any

import pytest

from dreamphases.testing.report import ExploreReport
from dreamphases.testing.strategies.base import Rounds
from dreamphases.testing.strategies.guided import Guided, _Scored
from tests.testing.support import run_explorer


class _Counting:
    """Rounds of `size` tasks, numbered on; remembers the payloads of each plan."""

    def __init__(self, ahead: int, size: int, rounds: int) -> None:
        self.ahead, self.size, self.left = ahead, size, rounds
        self.seen: list[list[Any]] = []
        self.number = 0

    def _round(self) -> list[Any]:
        if not self.left:
            return []
        self.left -= 1
        out = list(range(self.number, self.number + self.size))
        self.number += self.size
        return out

    def first(self) -> list[Any]:
        return self._round()

    def after(self, payloads: list[Any]) -> list[Any]:
        self.seen.append(payloads)
        return self._round()


def _drive(strategy: _Counting) -> list[int]:
    """Run every task at once in order (as one process would); the order tasks were run in."""
    rounds = Rounds(strategy)  # type: ignore[arg-type]
    queue = list(rounds.first())
    ran = []
    while queue:
        task = queue.pop(0)
        ran.append(task)
        queue += rounds.take(f"p{task}")
    return ran


def test_without_tasks_ahead_each_round_is_planned_from_every_result_of_the_last() -> None:
    strategy = _Counting(ahead=0, size=4, rounds=3)
    assert _drive(strategy) == list(range(12))
    assert strategy.seen == [["p0", "p1", "p2", "p3"], ["p4", "p5", "p6", "p7"], ["p8", "p9", "p10", "p11"]]


def test_with_tasks_ahead_a_round_is_planned_while_the_last_of_the_one_before_still_run() -> None:
    strategy = _Counting(ahead=2, size=4, rounds=3)
    assert _drive(strategy) == list(range(12))
    # planned once all but 2 of the tasks handed out were in; those 2 come with the next plan
    assert strategy.seen == [["p0", "p1"], ["p2", "p3", "p4", "p5"], ["p6", "p7", "p8", "p9"]]


def _plain(found: Any) -> tuple[Any, ...]:
    """A task's find, or a learning walk's score (`_Scored`), in a form equal for equal payloads."""
    if isinstance(found, _Scored):
        return (found.target, found.score, found.counts)
    return (found.entry, found.path, found.seed, sorted(found.news), found.closer)


def _plans(monkeypatch: pytest.MonkeyPatch) -> list[list[Any]]:
    """What each of the guided search's plans is given, in a form equal for equal payloads."""
    seen: list[list[Any]] = []
    after = Guided.after

    def spy(self: Guided, payloads: list[Any]) -> Any:
        seen.append([None if found is None else [_plain(f) for f in found] for found in payloads])
        return after(self, payloads)

    monkeypatch.setattr(Guided, "after", spy)
    return seen


@pytest.mark.parametrize("story", ["well", "segfault"])
def test_the_guided_search_plans_from_the_same_results_with_1_2_or_3_jobs(
        monkeypatch: pytest.MonkeyPatch, story: str) -> None:
    assert Guided.ahead > 0  # rounds overlap: what this checks would be trivial without
    plans = _plans(monkeypatch)
    reports: list[ExploreReport] = []
    seen: list[list[list[Any]]] = []
    for jobs in (1, 2, 3):
        plans.clear()
        reports.append(run_explorer(story, mode="guided", runs=400, seed=6, jobs=jobs))
        seen.append(list(plans))
    assert len(seen[0]) >= 5
    assert seen[0] == seen[1] == seen[2]
    assert reports[0].deterministic() == reports[1].deterministic() == reports[2].deterministic()


def test_a_crash_in_a_task_run_while_the_next_round_is_queued_is_reported_and_the_rest_runs() -> None:
    report = run_explorer("segfault", mode="guided", runs=400, seed=6, jobs=2)
    crashes = [e for e in report.errors if "crashed the process" in e.name]
    assert [c.choices for c in crashes] == [["Open the box"]]
    assert crashes[0].count > 1  # walks of several rounds crashed; each was reported and skipped
    assert report.stats.walks == 400


def test_a_time_budget_stops_the_guided_search_with_its_next_round_queued() -> None:
    started = time.perf_counter()
    report = run_explorer("well", mode="guided", runs=1 << 40, budget=1.0, jobs=2)
    assert report.stop_reason == "the time budget of 1 s ran out (--budget)"
    assert report.stats.walks > 0
    assert time.perf_counter() - started < 60  # it stopped; how soon depends on the machine
