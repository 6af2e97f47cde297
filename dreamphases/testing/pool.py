"""Worker processes that may die: the explorer's runtime crashes are findings, not the end of a run.

bink is native code, and some stories crash it outright (a Rust abort or a segfault: ink-proof's I131
does). Such a crash kills the process it happens in, so no story is ever played in the process that
writes the report: every task runs in a worker, even with `--jobs 1`.

Before each *unit* of work (one walk, or one choice tried from one state) a worker writes a
breadcrumb — the unit's number in its task, the story seed and the choice path so far — into memory
it shares with the parent (a few integers per choice, no locking: only the worker writes, and the
parent reads only after the worker is gone). When a worker dies, the parent reads the breadcrumb,
reports the crash with that path as a runtime error, starts a new worker and runs the task again
skipping that unit. A task's other units give the same results either way, so the report is still
the same whatever `--jobs`.
"""

from __future__ import annotations

import faulthandler
import multiprocessing
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.sharedctypes import RawArray
from typing import Any, Generic, Protocol, TypeVar

__all__ = ["DEADLINE", "Crash", "Pool", "Trail", "crash_message"]

#: what `Pool.run` yields (as the result, with index -1) when its deadline passes with tasks in flight
DEADLINE = object()

#: the longest choice path a breadcrumb keeps (a longer one is reported cut, with its start)
TRAIL_LENGTH = 8192
_HEAD = 3  # unit, story seed, path length


class Trail:
    """Where the worker is: the unit it plays and the choice path so far.

    In the parent process (no worker) it is a plain list; in a worker it lives in shared memory.
    """

    __slots__ = ("_cells",)

    def __init__(self, shared: bool = False) -> None:
        self._cells: Any = RawArray("q", TRAIL_LENGTH + _HEAD) if shared else [0] * (TRAIL_LENGTH + _HEAD)
        self._cells[0] = -1

    def begin(self, unit: int, seed: int, path: Sequence[int]) -> None:
        cells = self._cells
        cells[0] = -1  # in case the worker dies half-way through writing
        cells[1] = seed
        n = min(len(path), TRAIL_LENGTH)
        cells[_HEAD:_HEAD + n] = list(path[:n])
        cells[2] = len(path)
        cells[0] = unit

    def push(self, index: int) -> None:
        cells = self._cells
        n = cells[2]
        if n < TRAIL_LENGTH:
            cells[_HEAD + n] = index
        cells[2] = n + 1

    def read(self) -> tuple[int, int, tuple[int, ...]] | None:
        """(unit, seed, path) of the unit in progress, or None if none had started."""
        cells = self._cells
        unit = int(cells[0])
        if unit < 0:
            return None
        n = min(int(cells[2]), TRAIL_LENGTH)
        return unit, int(cells[1]), tuple(int(x) for x in cells[_HEAD:_HEAD + n])


@dataclass(frozen=True, slots=True)
class Crash:
    """A worker died: the signal (or exit status), and the unit it was playing when it did."""

    status: int
    unit: int | None
    seed: int
    path: tuple[int, ...]


def crash_message(status: int) -> str:
    """What the report calls a crash: by the signal's name when there is one."""
    if status < 0:
        try:
            name = signal.Signals(-status).name
        except ValueError:
            name = f"signal {-status}"
        return f"RUNTIME ERROR: the runtime crashed the process ({name})"
    return f"RUNTIME ERROR: the runtime ended the process (exit status {status})"


class Runnable(Protocol):
    """A task: picklable, played by a worker against its context (the explorer's `Walker`)."""

    def run(self, context: Any, trail: Trail, skip: frozenset[int]) -> Any: ...


T = TypeVar("T", bound=Runnable)


@dataclass(slots=True)
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    trail: Trail
    task: int | None = None
    skip: frozenset[int] = field(default_factory=frozenset)


_CONTEXT: Any = None


def _serve(conn: Connection, trail: Trail, make: Callable[[], Any] | None) -> None:
    """A worker's life: build the context (unless inherited by fork), then run tasks until told to stop."""
    global _CONTEXT
    if make is not None:
        _CONTEXT = make()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    faulthandler.disable()  # a crash here is expected and reported by the parent, not dumped
    enter = getattr(_CONTEXT, "enter_worker", None)
    if enter is not None:
        enter(trail)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        index, task, skip = message
        conn.send((index, task.run(_CONTEXT, trail, skip)))


class Pool(Generic[T]):
    """`jobs` worker processes running tasks against a context; results come back in task order.

    With the fork start method the workers inherit `context` as it is; otherwise each builds its own
    with `make` (which must be picklable).
    """

    def __init__(self, jobs: int, context: Any, make: Callable[[], Any]) -> None:
        global _CONTEXT
        # forking a process with other threads running (a language server's worker thread, say) can
        # leave the child waiting on a lock another thread held: start fresh interpreters then
        threaded = threading.active_count() > 1
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() and not threaded else "spawn"
        self._mp = multiprocessing.get_context(method)
        self._make: Callable[[], Any] | None = None if method == "fork" else make
        _CONTEXT = context  # what a forked worker starts from
        self._jobs = max(1, jobs)
        self._workers: list[_Worker] = []

    def __enter__(self) -> Pool[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _spawn(self) -> _Worker:
        parent, child = self._mp.Pipe()
        trail = Trail(shared=True)
        process = self._mp.Process(target=_serve, args=(child, trail, self._make),  # type: ignore[attr-defined]
                                   daemon=True)
        process.start()
        child.close()
        worker = _Worker(process, parent, trail)
        self._workers.append(worker)
        return worker

    def _retire(self, worker: _Worker) -> None:
        self._workers.remove(worker)
        worker.conn.close()
        worker.process.join(timeout=5)

    def close(self) -> None:
        for worker in list(self._workers):
            try:
                worker.conn.send(None)
            except OSError:
                pass
        for worker in list(self._workers):
            worker.process.join(timeout=2)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        self._workers.clear()

    def cancel(self) -> None:
        """Abandon the tasks in flight (a budget ran out): their workers are stopped and replaced."""
        for worker in list(self._workers):
            if worker.task is not None:
                worker.process.kill()
                self._retire(worker)

    def run(self, tasks: Sequence[T], deadline: float | None = None) -> Iterator[tuple[int, Any | Crash]]:
        """Run every task; yield (task index, result) in task order, and a `Crash` before the result
        of a task one of whose units crashed (the task is then run again without that unit).

        With a `deadline` (a `time.monotonic()` value), (-1, DEADLINE) is yielded once it passes
        while tasks are still running, so the caller can stop (`cancel`) without waiting for them."""
        pending: list[tuple[int, frozenset[int]]] = [(i, frozenset()) for i in range(len(tasks))]
        pending.reverse()
        done: dict[int, list[Any]] = {}
        crashes: dict[int, list[Crash]] = {}
        following = 0
        while following < len(tasks):
            idle = [w for w in self._workers if w.task is None]
            while pending and (idle or len(self._workers) < self._jobs):
                worker = idle.pop() if idle else self._spawn()
                index, skip = pending.pop()
                worker.task, worker.skip = index, skip
                worker.conn.send((index, tasks[index], skip))
            busy = [w for w in self._workers if w.task is not None]
            timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout)
            if not ready and deadline is not None and time.monotonic() >= deadline:
                yield -1, DEADLINE
                deadline = None
            for worker in busy:
                if worker.conn in ready:
                    try:
                        index, result = worker.conn.recv()
                    except (EOFError, OSError):
                        ready.append(worker.process.sentinel)
                    else:
                        worker.task = None
                        done[index] = [*crashes.pop(index, []), result]
                        continue
                if worker.process.sentinel in ready and worker.task is not None:
                    index, skip = worker.task, worker.skip
                    worker.process.join()
                    crumb = worker.trail.read()
                    status = worker.process.exitcode or 0
                    self._retire(worker)
                    if crumb is None:  # it died outside any unit: loading the story, say
                        crashes.setdefault(index, []).append(Crash(status, None, 0, ()))
                        done[index] = crashes.pop(index)
                        continue
                    unit, seed, path = crumb
                    crashes.setdefault(index, []).append(Crash(status, unit, seed, path))
                    if unit in skip:  # cannot happen unless a task is not deterministic: give up on it
                        done[index] = crashes.pop(index)
                    else:
                        pending.append((index, skip | {unit}))
            while following in done:
                for item in done.pop(following):
                    yield following, item
                following += 1
