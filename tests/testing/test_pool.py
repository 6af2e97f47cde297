"""The worker pool as a queue: tasks handed back in the order submitted, a worker given its next task
before it finishes the one it plays, a crash reported for the task it happened in (issue 15: the guided
search's workers sat idle between rounds)."""

from __future__ import annotations

import os
import signal
import time
from dataclasses import dataclass
from typing import Any

from dreamphases.testing.pool import DEADLINE, MISSING, Done, Pool, Trail


@dataclass(frozen=True)
class _Nap:
    """Sleeps, and says when it ran and in which process."""

    name: str
    seconds: float = 0.0

    def run(self, context: object, trail: Trail, skip: frozenset[int]) -> tuple[str, int, float, float]:
        trail.begin(0, 0, ())
        begun = time.monotonic()  # the same clock in every process
        time.sleep(self.seconds)
        return self.name, os.getpid(), begun, time.monotonic()


@dataclass(frozen=True)
class _Units:
    """Three units; the one numbered `crash` kills its process as a runtime crash would."""

    crash: int = -1

    def run(self, context: object, trail: Trail, skip: frozenset[int]) -> list[int]:
        played = []
        for unit in range(3):
            if unit in skip:
                continue
            trail.begin(unit, 7, (unit,))
            if unit == self.crash:
                os.kill(os.getpid(), signal.SIGSEGV)
            played.append(unit)
        return played


def _nothing() -> None:
    return None


def _all(pool: Pool[Any]) -> list[Done]:
    out = []
    while (done := pool.next()) is not None:
        assert isinstance(done, Done)
        out.append(done)
    return out


def test_a_worker_starts_its_next_task_while_the_parent_is_busy_elsewhere() -> None:
    with Pool[Any](1, _nothing) as pool:
        pool.submit([_Nap(f"t{i}", 0.4) for i in range(4)])
        first = pool.next()
        time.sleep(1.2)  # the parent plans, say: it sends nothing meanwhile
        rest = _all(pool)
    runs = [d.result for d in [first, *rest] if isinstance(d, Done)]
    assert [r[0] for r in runs] == ["t0", "t1", "t2", "t3"]
    # t1 and t2 ran back to back while the parent slept (t2 would otherwise have waited 0.8 s for it):
    # each had been sent before the worker needed it
    assert runs[1][2] - runs[0][3] < 0.4
    assert runs[2][2] - runs[1][3] < 0.4
    assert runs[2][2] < runs[0][3] + 1.2


def test_tasks_come_back_in_the_order_submitted_whichever_worker_finishes_first() -> None:
    with Pool[Any](3, _nothing) as pool:
        pool.submit([_Nap("slow", 0.4), _Nap("quick")])
        pool.submit([_Nap("later", 0.1)])  # a round queued while the first still runs
        done = _all(pool)
    assert [d.result[0] for d in done] == ["slow", "quick", "later"]
    assert [d.ticket for d in done] == [0, 1, 2]


def test_a_worker_that_dies_with_its_next_task_already_sent_loses_only_the_unit_it_crashed_in() -> None:
    with Pool[Any](1, _nothing) as pool:
        pool.submit([_Units(crash=1), _Units(), _Units()])  # the one worker holds the first two at once
        done = _all(pool)
    assert [d.result for d in done] == [[0, 2], [0, 1, 2], [0, 1, 2]]
    (crash,) = done[0].crashes
    assert (crash.status, crash.unit, crash.seed, crash.path) == (-signal.SIGSEGV, 1, 7, (1,))
    assert not done[1].crashes and not done[2].crashes


def test_cancel_abandons_what_is_queued_or_running_and_the_pool_runs_new_work_after() -> None:
    with Pool[Any](1, _nothing) as pool:
        pool.submit([_Nap("long", 30.0), _Nap("queued"), _Nap("more")])
        assert pool.next(deadline=time.monotonic() + 0.2) is DEADLINE
        started = time.monotonic()
        pool.cancel()
        assert time.monotonic() - started < 10
        assert pool.next() is None and pool.outstanding == 0
        pool.submit([_Nap("fresh")])
        done = _all(pool)
    assert [d.result[0] for d in done] == ["fresh"]
    assert done[0].result is not MISSING
