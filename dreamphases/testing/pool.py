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

Workers are forked from multiprocessing's fork server (a fresh interpreter with the explorer's
modules imported once), never from the parent: the parent holds the compiled story and its graph,
which a worker does not need, and a forked copy would carry it (RSS counts inherited pages). Each
worker builds its own context with `make`, so it holds only what playing needs. The fork server is
also safe when the parent runs threads (a language server), which a plain fork is not.
"""

from __future__ import annotations

import faulthandler
import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.sharedctypes import RawArray
from typing import Any, Generic, Protocol, TypeVar

__all__ = ["DEADLINE", "MISSING", "Crash", "Done", "Pool", "Trail", "WorkerFailed", "crash_message", "warm_up"]

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

    def clear(self) -> None:
        """No unit in progress (a task is about to start)."""
        self._cells[0] = -1

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
    #: (ticket, units to skip) of the tasks sent to it and not yet answered, in the order sent
    held: list[tuple[int, frozenset[int]]] = field(default_factory=list)
    #: the CPU time the worker reported with its last result
    cpu: float = 0.0
    #: the wall-clock time it had spent waiting for a task, as it reported with its last result
    waited: float = 0.0


#: modules every worker needs, imported once in the fork server rather than in each worker
PRELOAD = ["dreamphases.testing.explorer", "dreamphases.testing.strategies"]


class WorkerFailed(Exception):
    """A worker could not build its context (the story does not load, say): raised in the parent by
    `Pool.run` as the exception the worker met, or as this when that cannot be sent."""


def _serve(conn: Connection, trail: Trail, make: Callable[[], Any]) -> None:
    """A worker's life: build the context, then run tasks until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    faulthandler.disable()  # a crash here is expected and reported by the parent, not dumped
    try:
        context = make()
        enter = getattr(context, "enter_worker", None)
        if enter is not None:
            enter(trail)
    except Exception as exc:  # noqa: BLE001 - handed to the parent, which raises it
        try:
            conn.send((-1, _Failure(exc), 0.0, 0.0))
        except Exception:  # noqa: BLE001 - not picklable: say what it was
            conn.send((-1, _Failure(WorkerFailed(f"{type(exc).__name__}: {exc}")), 0.0, 0.0))
        return
    waited = 0.0  # wall-clock seconds spent waiting for a task since the context was built
    while True:
        begun = time.perf_counter()
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        waited += time.perf_counter() - begun
        index, task, skip = message
        trail.clear()  # a crash before the task's first unit must not be blamed on the last task's
        result = task.run(context, trail, skip)
        conn.send((index, result, time.process_time(), waited))  # CPU time so far, loading included


@dataclass(frozen=True, slots=True)
class _Failure:
    error: Exception


def _start_method() -> str:
    methods = multiprocessing.get_all_start_methods()
    return "forkserver" if "forkserver" in methods else "spawn"


def warm_up() -> None:
    """Start the fork server now, so it imports the explorer while the caller does other work
    (compiling the story, say) rather than when the first worker is needed."""
    if _start_method() == "forkserver":
        from multiprocessing import forkserver

        multiprocessing.get_context("forkserver").set_forkserver_preload(PRELOAD)  # type: ignore[attr-defined]
        forkserver.ensure_running()


#: tasks a worker holds at once: the one it plays and the next, already sent, so it never waits for
#: the parent (busy planning, say) between tasks
DEPTH = 2

#: what `Done.result` is when every attempt at the task crashed the runtime (or it died outside any unit)
MISSING = object()


@dataclass(frozen=True, slots=True)
class Done:
    """A task's end, as `Pool.next` returns it: the crashes on the way (the task was run again without
    the unit each crashed in), then its result (`MISSING` if it has none)."""

    ticket: int
    crashes: tuple[Crash, ...]
    result: Any


class Pool(Generic[T]):
    """`jobs` worker processes running tasks against the context `make` builds in each (`make` must be
    picklable).

    A queue: `submit` adds a task (more may be added while others run), `next` gives the tasks' ends
    in the order they were submitted. Each worker holds up to `DEPTH` tasks, so when it finishes one
    the next is already in its pipe, whatever the parent is doing; which worker plays a task changes
    nothing in its result (tasks are deterministic), so results are the same for any `jobs`."""

    def __init__(self, jobs: int, make: Callable[[], Any]) -> None:
        method = _start_method()
        self._mp = multiprocessing.get_context(method)
        if method == "forkserver":
            self._mp.set_forkserver_preload(PRELOAD)  # type: ignore[attr-defined]
        self._make = make
        self._jobs = max(1, jobs)
        self._workers: list[_Worker] = []
        self._retired_cpu = 0.0
        self._retired_wait = 0.0
        #: tasks submitted and not yet handed back by `next`, by ticket
        self._tasks: dict[int, T] = {}
        #: (ticket, units to skip) of the tasks no worker holds, the lowest ticket first
        self._queue: deque[tuple[int, frozenset[int]]] = deque()
        self._next_ticket = 0
        #: the ticket `next` hands back next
        self._following = 0
        self._ended: dict[int, Done] = {}
        self._crashes: dict[int, list[Crash]] = {}

    @property
    def cpu_seconds(self) -> float:
        """CPU time the workers have spent, as they last reported it (loading the story included;
        a crashed worker's time since its last result is not known)."""
        return self._retired_cpu + sum(w.cpu for w in self._workers)

    @property
    def wait_seconds(self) -> float:
        """Wall-clock time the workers have spent waiting for their next task, from when each had
        loaded the story to its last result: time no task ran, for want of one sent (a round's last
        tasks running elsewhere, or the parent busy)."""
        return self._retired_wait + sum(w.waited for w in self._workers)

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
        self._retired_cpu += worker.cpu
        self._retired_wait += worker.waited
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
        """Abandon every task not yet handed back (a budget ran out, or the run is over): the workers
        holding some are stopped and replaced, and the queue is emptied."""
        for worker in list(self._workers):
            if worker.held:
                worker.process.kill()
                self._retire(worker)
        self._queue.clear()
        self._tasks.clear()
        self._ended.clear()
        self._crashes.clear()
        self._following = self._next_ticket

    def submit(self, tasks: Sequence[T]) -> range:
        """Queue tasks; their tickets. Tasks are sent, and handed back by `next`, in ticket order: a
        caller waiting for the first results (to plan more) gets them first."""
        first = self._next_ticket
        for ticket, task in enumerate(tasks, first):
            self._tasks[ticket] = task
            self._queue.append((ticket, frozenset()))  # tickets only grow: the queue stays in order
        self._next_ticket = first + len(tasks)
        self._dispatch()
        return range(first, self._next_ticket)

    @property
    def outstanding(self) -> int:
        """Tasks submitted and not yet handed back."""
        return self._next_ticket - self._following

    def _dispatch(self) -> None:
        """Hand queued tasks to workers: first to idle ones (starting workers up to `jobs`), then a
        second to each busy one while more tasks are queued than there are workers (the last few
        go to whichever worker is free first: one sent behind a long task could wait for it while
        another worker idles)."""
        queue = self._queue
        while queue:
            worker = min(self._workers, key=lambda w: len(w.held), default=None)
            if worker is None or (worker.held and len(self._workers) < self._jobs):
                worker = self._spawn()
            elif worker.held and (len(worker.held) >= DEPTH or len(queue) <= len(self._workers)):
                return
            ticket, skip = queue.popleft()
            worker.held.append((ticket, skip))
            try:
                worker.conn.send((ticket, self._tasks[ticket], skip))
            except (BrokenPipeError, ConnectionResetError):
                pass  # the worker is gone (its story did not load, say): what it sent, or its exit, says why

    def next(self, deadline: float | None = None) -> Done | object | None:
        """The end of the next task in ticket order (waiting for it), `DEADLINE` once `deadline` (a
        `time.monotonic()` value) has passed with it still running, so the caller can stop (`cancel`)
        without waiting, or None when no task is outstanding."""
        while True:
            done = self._ended.pop(self._following, None)
            if done is not None:
                del self._tasks[self._following]
                self._following += 1
                return done
            if self._following >= self._next_ticket:
                return None
            self._dispatch()
            busy = [w for w in self._workers if w.held]
            timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout)
            if not ready and deadline is not None and time.monotonic() >= deadline:
                return DEADLINE
            for worker in busy:
                if worker.conn in ready and not self._receive(worker):
                    ready.append(worker.process.sentinel)
                if worker.process.sentinel in ready and worker.held:
                    self._lost(worker)
            self._dispatch()  # before the caller works on what came in: a freed worker gets its next task now

    def _receive(self, worker: _Worker) -> bool:
        """Take every result the worker has sent; False when its pipe is closed (it died)."""
        try:
            while worker.held and worker.conn.poll():
                ticket, result, worker.cpu, worker.waited = worker.conn.recv()
                if isinstance(result, _Failure):
                    raise result.error
                held, _ = worker.held.pop(0)
                assert held == ticket, "a worker plays its tasks in the order it was sent them"
                self._ended[ticket] = Done(ticket, tuple(self._crashes.pop(ticket, ())), result)
        except (EOFError, OSError):
            return False
        return True

    def _lost(self, worker: _Worker) -> None:
        """A worker died: the task it was playing crashed (in the unit its breadcrumb names) and is
        queued again without that unit; the tasks it held after it are queued again as they were."""
        self._receive(worker)  # what it sent before it died
        worker.process.join()
        crumb = worker.trail.read()
        status = worker.process.exitcode or 0
        held = list(worker.held)
        self._retire(worker)
        if not held:
            return
        (ticket, skip), rest = held[0], held[1:]
        again = list(rest)
        crashes = self._crashes.setdefault(ticket, [])
        if crumb is None:  # it died outside any unit: loading the story, say
            crashes.append(Crash(status, None, 0, ()))
            self._ended[ticket] = Done(ticket, tuple(self._crashes.pop(ticket)), MISSING)
        else:
            unit, seed, path = crumb
            crashes.append(Crash(status, unit, seed, path))
            if unit in skip:  # cannot happen unless a task is not deterministic: give up on it
                self._ended[ticket] = Done(ticket, tuple(self._crashes.pop(ticket)), MISSING)
            else:
                again.append((ticket, skip | {unit}))
        self._queue = deque(sorted([*self._queue, *again]))

    def run(self, tasks: Sequence[T], deadline: float | None = None) -> Iterator[tuple[int, Any | Crash]]:
        """Run every task; yield (task index, result) in task order, and a `Crash` before the result
        of a task one of whose units crashed (the task is then run again without that unit).

        With a `deadline` (a `time.monotonic()` value), (-1, DEADLINE) is yielded once it passes
        while tasks are still running, so the caller can stop (`cancel`) without waiting for them."""
        first = self.submit(tasks).start
        while True:
            done = self.next(deadline)
            if done is None:
                return
            if done is DEADLINE:
                yield -1, DEADLINE
                deadline = None
                continue
            assert isinstance(done, Done)
            for crash in done.crashes:
                yield done.ticket - first, crash
            if done.result is not MISSING:
                yield done.ticket - first, done.result
