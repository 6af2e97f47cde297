"""The explorer: random walks and a breadth-first exhaustive search over a story's choices.

Both modes cut the work into *tasks* whose results merge by commutative rules (sums, set unions,
the shortest path per finding with ties broken by the path itself). The task list depends only on the
options, never on `--jobs` or `--shard`, so one process, N processes and N CI machines produce the
same report:

* random walks: walk k uses its own RNG seeded from (seed, k) for both the choices and the story's
  RANDOM seed, so a walk is the same wherever it runs;
* exhaustive: a breadth-first prefix is expanded identically everywhere until the frontier is wide
  enough, then each frontier state is one task searching its subtree with its own seen-set.

A state is identified by a canonical hash of the runtime state: call stack, pending choices,
variables and visit counts clamped to `visit_bound` (so a loop that only raises counts terminates),
without the output buffer, turn indices or thread numbering.
"""

from __future__ import annotations

import os
import random
import zlib
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from dreamphases.compiler.graph import StoryGraph
from dreamphases.runtime.engine import Engine, StoryRuntimeError
from dreamphases.runtime.expectations import Expectations
from dreamphases.runtime.panics import PanicLog, capture_panics
from dreamphases.runtime.state import canonical_hash, with_seed
from dreamphases.tags import endings_in
from dreamphases.testing.story import count_visits, flag_paths
from dreamphases.testing.trajectories import Recorder, Samples, TrackConfig

__all__ = ["ExploreOptions", "Finding", "Tally", "Walker", "explore", "plan_tasks"]

#: How wide the shared breadth-first prefix grows before the exhaustive search splits into tasks.
SPLIT_WIDTH = 16
#: Random walks per task: small enough to balance across processes, large enough to amortise IPC.
WALKS_PER_TASK = 25


@dataclass(slots=True)
class ExploreOptions:
    mode: str = "random"  # "random" | "exhaustive"
    runs: int = 100
    seed: int = 1
    max_steps: int = 500
    max_depth: int = 30
    visit_bound: int = 3
    max_lines: int = 5000
    untagged_ok: bool = False
    #: exhaustive mode: stop after about this many states (a count, not a time, so reports stay
    #: reproducible); shared out evenly between the tasks
    max_states: int = 100_000
    #: random walks: record stat trajectories (see `trajectories.py`) for these variables
    track: TrackConfig | None = None


@dataclass(slots=True)
class Finding:
    """One kind of outcome (an ending, an error message, a dead end) and the best path to it."""

    count: int
    path: tuple[int, ...]
    seed: int

    def key(self) -> tuple[int, tuple[int, ...], int]:
        return (len(self.path), self.path, self.seed)


def _keep_best(table: dict[str, Finding], name: str, found: Finding) -> None:
    old = table.get(name)
    if old is None:
        table[name] = found
        return
    best = found if found.key() < old.key() else old
    table[name] = Finding(old.count + found.count, best.path, best.seed)


@dataclass(slots=True)
class Tally:
    """Everything a task learns; `merge` is commutative and associative."""

    walks: int = 0
    states: int = 0
    choices: int = 0
    lines: int = 0
    truncated: int = 0
    frontier_left: int = 0
    endings: dict[str, Finding] = field(default_factory=dict)
    errors: dict[str, Finding] = field(default_factory=dict)
    dead_ends: dict[str, Finding] = field(default_factory=dict)
    visited: set[str] = field(default_factory=set)
    taken: set[str] = field(default_factory=set)
    trajectories: Samples = field(default_factory=Samples)

    def merge(self, other: Tally) -> None:
        self.walks += other.walks
        self.states += other.states
        self.choices += other.choices
        self.lines += other.lines
        self.truncated += other.truncated
        self.frontier_left += other.frontier_left
        for mine, theirs in ((self.endings, other.endings), (self.errors, other.errors),
                             (self.dead_ends, other.dead_ends)):
            for name, found in theirs.items():
                _keep_best(mine, name, found)
        self.visited |= other.visited
        self.taken |= other.taken
        self.trajectories.merge(other.trajectories)


# -- the walker ----------------------------------------------------------------------------------

class Walker:
    """Plays one story many times in one process.

    The hot loop uses the engine's fast path (`next_text`, `choice_list`): building a `Line` and copying
    the tag list for every line would cost about a fifth of the explorer's throughput.
    """

    def __init__(self, json_text: str, graph: StoryGraph | None, options: ExploreOptions,
                 instrumented: tuple[str, dict[str, str], set[str]] | None = None) -> None:
        self.options = options
        counted, self.node_paths, self.added = instrumented or count_visits(json_text, graph)
        self.instrumented = (counted, self.node_paths, self.added)
        #: the story without coverage counting, for random walks once coverage is complete
        self.plain_json: str | None = json_text
        #: how many nodes the loaded story counts visits to for coverage
        self._counting = len(self.added)
        self._choices: Sequence[str] | None = None
        self.engine = Engine(counted)
        self.errors = self.engine.errors
        self._initial = self.engine.save_state()
        self._unvisited = dict(self.node_paths)
        self.recorder = None if options.track is None else Recorder.for_engine(options.track, self.engine)
        self.expectations = Expectations(self.engine)
        #: continuity violations met in the current segment (recorded by `settle`)
        self.violations: list[str] = []
        #: the ending ids of the passage the story last stopped on (set by `settle`)
        self.endings: list[str] = []

    # -- playing ----------------------------------------------------------------------------------
    def start(self, story_seed: int) -> None:
        self.engine.load_state(with_seed(self._initial, story_seed))
        self.engine.warnings.clear()
        self.violations.clear()
        self.expectations.broken.clear()

    def segment(self) -> tuple[int, str | None]:
        """Continue to the next choice point: (lines, error or None).

        Tags are not read here: asking bink for every line's tags would cost a sixth of the
        throughput, and only the passage the story stops on can hold its ending (`settle`).
        """
        engine, limit = self.engine, self.options.max_lines
        lines = 0
        broken = self.expectations.broken
        while engine.can_continue():
            try:
                text = engine.next_text()
            except StoryRuntimeError as exc:  # an ink runtime error, a crash or a runaway line
                if broken:
                    self.violations += self.expectations.take(exc.text)
                return lines, str(exc)
            if broken:
                self.violations += self.expectations.take(text)
            lines += 1
            if lines >= limit:
                return lines, f"no choice after {limit} lines of output (an endless loop?)"
        return lines, None

    def _final_passage_endings(self, path: tuple[int, ...], seed: int) -> list[str]:
        """The ending ids tagged anywhere in the passage the story stopped on (`dreamphases/tags.py`).

        Found by playing the path again with tags read on every line of its last passage; only
        needed when the last line has no ending tag, so the common case stays on the fast path."""
        self.start(seed)
        for index in path:
            if self.segment()[1] is not None or index >= len(self.engine.choice_list()):
                return []
            self.engine.choose(index)
        found: list[str] = []
        while self.engine.can_continue():
            try:
                self.engine.next_text()
            except StoryRuntimeError:
                break
            found += endings_in(self.engine.tags())
        self.violations.clear()
        self.expectations.broken.clear()
        return list(dict.fromkeys(found))

    def settle(self, tally: Tally, path: tuple[int, ...], seed: int) -> int:
        """Run to the next choice point and record what happened. Returns the choice count (0 = stop)."""
        lines, error = self.segment()
        tally.lines += lines
        for violation in self.violations:
            _keep_best(tally.errors, violation, Finding(1, path, seed))
        self.violations.clear()
        if error is not None:
            _keep_best(tally.errors, error, Finding(1, path, seed))
            return 0
        # kept for `choose`: each fetch of the choices is a round trip into the runtime
        self._choices = self.engine.choice_list()
        count = len(self._choices)
        endings: list[str] = []
        if count == 0 and lines:
            endings = endings_in(self.engine.tags())
            if not endings and lines > 1:
                endings = self._final_passage_endings(path, seed)
        self.endings = endings
        for ending in endings:
            _keep_best(tally.endings, ending, Finding(1, path, seed))
        if count == 0 and not endings and not self.options.untagged_ok:
            _keep_best(tally.dead_ends, "the story stopped without an `# ending:` tag",
                       Finding(1, path, seed))
        return count

    def cover(self, tally: Tally) -> None:
        """Visit counts only grow along a path, so checking at the end of each path sees every node.

        Once every node has been seen, random walks switch to the story as compiled: the counting
        flags added for coverage cost bink time on every container it enters, and the story cannot
        observe them, so the walks play exactly the same.
        """
        if not self._unvisited:
            return
        count = self.engine.visit_count
        for node, runtime in list(self._unvisited.items()):
            if count(runtime) > 0:
                tally.visited.add(node)
                del self._unvisited[node]
        self.errors.clear()
        if (self.options.mode == "random" and self.plain_json is not None
                and len(self._unvisited) <= self._counting // 2):
            self._narrow_counting()

    def _narrow_counting(self) -> None:
        """Count visits only where coverage is still unknown (nowhere, once everything is seen).

        The flags added for coverage cost bink time on every container it enters, and the story
        cannot observe them, so the walks play exactly the same; narrowing when half the remaining
        nodes have been seen keeps the rebuilds few.
        """
        assert self.plain_json is not None
        remaining = set(self._unvisited.values())
        text, _ = flag_paths(self.plain_json, remaining) if remaining else (self.plain_json, set())
        self.engine = Engine(text)
        self.errors = self.engine.errors
        self.expectations.bind(self.engine)
        self._initial = self.engine.save_state()
        self._counting = len(remaining)

    def choose(self, index: int, tally: Tally, choices: Sequence[str] | None = None) -> None:
        choices = choices if choices is not None else self.engine.choice_list()
        tally.taken.add(choices[index])
        self.engine.choose(index)
        tally.choices += 1

    # -- random walks -----------------------------------------------------------------------------
    def walks(self, indices: Iterable[int]) -> Tally:
        tally = Tally()
        for k in indices:
            self.walk(k, tally)
        return tally

    def walk(self, k: int, tally: Tally) -> None:
        rng = random.Random(f"{self.options.seed}:{k}")
        seed = rng.randrange(1 << 30)
        self.start(seed)
        tally.walks += 1
        path: list[int] = []
        recorder = self.recorder
        if recorder is not None:
            recorder.begin()
        count = self.settle(tally, (), seed)
        tally.states += 1
        if recorder is not None:
            recorder.sample(self.engine, 0, None)
        while count:
            if len(path) >= self.options.max_steps:
                tally.truncated += 1
                break
            index = rng.randrange(count)
            path.append(index)
            taken = self._choices[index] if recorder is not None and self._choices is not None else None
            self.choose(index, tally, self._choices)
            count = self.settle(tally, tuple(path), seed)
            tally.states += 1
            if recorder is not None:
                recorder.sample(self.engine, len(path), taken)
        if recorder is not None:
            recorder.end(self.endings if not count else ())
            tally.trajectories.merge(recorder.take())
        self.cover(tally)

    # -- exhaustive search ------------------------------------------------------------------------
    def state_hash(self, state: str) -> bytes:
        return canonical_hash(state, self.options.visit_bound, self.added)

    def root(self, tally: Tally) -> tuple[bytes, tuple[int, ...]] | None:
        self.start(self.options.seed)
        count = self.settle(tally, (), self.options.seed)
        tally.states += 1
        self.cover(tally)
        return (zlib.compress(self.engine.save_state().encode("utf-8"), 1), ()) if count else None

    def expand(self, frontier: list[tuple[bytes, tuple[int, ...]]], seen: set[bytes],
               tally: Tally, budget: int | None = None) -> list[tuple[bytes, tuple[int, ...]]]:
        """One breadth-first level: every choice of every frontier state; new states are returned.

        With a `budget`, parents left unexpanded once `tally.states` reaches it are returned as they
        are (and counted in `truncated`), so the caller sees the search stopped early.
        """
        seed = self.options.seed
        following: list[tuple[bytes, tuple[int, ...]]] = []
        for n, (packed, path) in enumerate(frontier):
            if budget is not None and tally.states >= budget:
                tally.truncated += 1
                return following + frontier[n:]
            state = zlib.decompress(packed).decode("utf-8")
            self.engine.load_state(state)
            count = len(self.engine.choice_list())
            for index in range(count):
                if index:
                    self.engine.load_state(state)
                self.choose(index, tally)
                step = path + (index,)
                more = self.settle(tally, step, seed)
                self.cover(tally)
                if not more:
                    continue
                after = self.engine.save_state()
                digest = self.state_hash(after)
                if digest in seen:
                    continue
                seen.add(digest)
                tally.states += 1
                # a frontier can hold hundreds of thousands of states; compressed they take ~5x less
                following.append((zlib.compress(after.encode("utf-8"), 1), step))
        return following

    def search(self, start: tuple[bytes, tuple[int, ...]], seen: frozenset[bytes], depth_left: int,
               budget: int) -> Tally:
        tally = Tally()
        frontier = [start]
        local = set(seen)
        for _ in range(depth_left):
            frontier = self.expand(frontier, local, tally, budget)
            if not frontier or tally.truncated:
                break
        tally.frontier_left += len(frontier)
        return tally

    # -- replay -----------------------------------------------------------------------------------
    def replay(self, path: tuple[int, ...], seed: int) -> list[str]:
        """The choice texts along a path, for reports and re-playable specs."""
        self.start(seed)
        texts: list[str] = []
        for index in path:
            self.segment()
            choices = self.engine.choice_list()
            if index >= len(choices):
                break
            texts.append(choices[index])
            self.engine.choose(index)
        return texts


# -- tasks and processes --------------------------------------------------------------------------

@dataclass(slots=True)
class Task:
    walks: tuple[int, ...] = ()
    start: tuple[bytes, tuple[int, ...]] | None = None
    depth_left: int = 0
    budget: int = 0


@dataclass(slots=True)
class Plan:
    prefix: Tally
    tasks: list[Task]
    seen: frozenset[bytes] = frozenset()


def plan_tasks(walker: Walker) -> Plan:
    """The task list for these options; the same whatever the number of processes or shards."""
    options = walker.options
    if options.mode == "random":
        ks = list(range(options.runs))
        tasks = [Task(walks=tuple(ks[i:i + WALKS_PER_TASK])) for i in range(0, len(ks), WALKS_PER_TASK)]
        return Plan(Tally(), tasks)
    prefix = Tally()
    root = walker.root(prefix)
    if root is None:
        return Plan(prefix, [])
    seen = {walker.state_hash(zlib.decompress(root[0]).decode("utf-8"))}
    frontier = [root]
    depth = 0
    while frontier and depth < options.max_depth and len(frontier) < SPLIT_WIDTH:
        frontier = walker.expand(frontier, seen, prefix, options.max_states)
        depth += 1
        if prefix.truncated:
            prefix.frontier_left += len(frontier)
            return Plan(prefix, [])
    budget = max(1, (options.max_states - prefix.states) // max(1, len(frontier)))
    tasks = [Task(start=item, depth_left=options.max_depth - depth, budget=budget) for item in frontier]
    return Plan(prefix, tasks, frozenset(seen))


_WORKER: Walker | None = None


def _init_worker(json_text: str, options: ExploreOptions,
                 instrumented: tuple[str, dict[str, str], set[str]]) -> None:
    global _WORKER
    _WORKER = Walker(json_text, None, options, instrumented)
    PanicLog().__enter__()  # for the worker's lifetime; it ends with the pool


def _run_task(task: Task, seen: frozenset[bytes]) -> Tally:
    assert _WORKER is not None
    return _execute(_WORKER, task, seen)


def _execute(walker: Walker, task: Task, seen: frozenset[bytes]) -> Tally:
    if task.start is None:
        return walker.walks(task.walks)
    if task.depth_left <= 0:
        tally = Tally()
        tally.frontier_left = 1
        return tally
    return walker.search(task.start, seen, task.depth_left, task.budget)


Progress = Callable[[int, int], None]


def explore(walker: Walker, jobs: int = 1, shard: tuple[int, int] = (1, 1),
            progress: Progress | None = None) -> Tally:
    """Run the plan (or this shard's part of it) in `jobs` processes and merge the results.

    `progress(done, total)` is called as tasks finish (the CLI draws a bar with it).
    """
    with capture_panics():
        return _explore(walker, jobs, shard, progress or (lambda done, total: None))


def _explore(walker: Walker, jobs: int, shard: tuple[int, int], progress: Progress) -> Tally:
    plan = plan_tasks(walker)
    index, count = shard
    mine = [t for i, t in enumerate(plan.tasks) if i % count == index - 1]
    # Every shard expands the same prefix, but only the first one reports it, so merged sums match.
    total = plan.prefix if index == 1 else Tally()
    jobs = max(1, min(jobs, len(mine) or 1, os.cpu_count() or 1))
    progress(0, len(mine))
    if jobs == 1:
        for done, task in enumerate(mine, 1):
            total.merge(_execute(walker, task, plan.seen))
            progress(done, len(mine))
        return total
    import multiprocessing

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    counted = walker.instrumented
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker,
                             initargs=(walker.plain_json or counted[0], walker.options, counted)) as pool:
        results = pool.map(_run_task, mine, [plan.seen] * len(mine), chunksize=1)
        for done, result in enumerate(results, 1):
            total.merge(result)
            progress(done, len(mine))
    return total
