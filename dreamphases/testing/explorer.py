"""The explorer: plays a story many times and tallies endings, errors, dead ends and coverage.

What to play is a *strategy*'s business (`dreamphases/testing/strategies/`: random walks, an
exhaustive search, a coverage-guided search); this module holds what they share:

* `Walker` — one story in one process, and the few moves every strategy makes with it (start, run to
  the next choice point, choose, save and load a state, read coverage);
* `Tally` — everything a task learns, merged by commutative rules (sums, set unions, the shortest path
  per finding with ties broken by the path itself);
* `explore` — the driver: it asks the strategy for rounds of tasks, runs them in worker processes
  (`pool.py`: a crash of the native runtime is a finding, not the end of the run), merges the results
  in task order, applies the stopping rules (`--until-covered`, `--budget`) and notes when each
  coverage milestone was reached.

A strategy's task list depends only on the options and on earlier rounds' merged results, never on
`--jobs`, so one process and N processes produce the same report (`--budget` aside: it stops at a time).
"""

from __future__ import annotations

import pickle
import random
import time
import zlib
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Protocol

from dreamphases.compiler.graph import StoryGraph
from dreamphases.runtime.engine import Budget, Engine, StoryRuntimeError
from dreamphases.runtime.expectations import Expectations
from dreamphases.runtime.panics import PanicLog
from dreamphases.runtime.state import (
    split_state,
    take_visit_counts,
    visit_counts,
    with_seed,
)
from dreamphases.tags import endings_in
from dreamphases.testing.pool import DEADLINE, MISSING, Crash, Done, Pool, Trail, crash_message
from dreamphases.testing.story import CountFlags, count_flags, is_branch_id, is_choice_id
from dreamphases.testing.story_facts import StoryFacts
from dreamphases.testing.trajectories import Recorder, Samples, TrackConfig

__all__ = ["ExploreOptions", "Finding", "Milestone", "StepObserver", "Tally", "Walker", "explore"]

STRATEGIES = ("random", "exhaustive", "guided")


@dataclass(slots=True)
class ExploreOptions:
    mode: str = "random"  # a strategy's name: "random" | "exhaustive" | "guided"
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
    #: stop once everything is covered, or once the second half of the work found nothing new
    until_covered: bool = False
    #: stop after this many seconds (the report then depends on the machine's speed)
    budget: float | None = None
    #: `--until-covered` never stops on a plateau before this much work (0: the strategy's default;
    #: a benchmark timing full coverage sets it out of reach)
    patience: int = 0
    #: guided search: choices per walk from a corpus state before it starts from another one
    walk_steps: int = 40
    #: exhaustive search: merge states that differ only in what no later read can observe
    liveness: bool = True
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


def keep_best(table: dict[str, Finding], name: str, found: Finding) -> None:
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
    truncated: int = 0
    frontier_left: int = 0
    #: exhaustive search: states found equal only once dead variables and visit counts were ignored
    merged: int = 0
    endings: dict[str, Finding] = field(default_factory=dict)
    errors: dict[str, Finding] = field(default_factory=dict)
    dead_ends: dict[str, Finding] = field(default_factory=dict)
    #: coverage ids seen: nodes, conditional branches (`?n`) and choices (`*n`)
    visited: set[str] = field(default_factory=set)
    trajectories: Samples = field(default_factory=Samples)

    def merge(self, other: Tally) -> None:
        self.walks += other.walks
        self.states += other.states
        self.choices += other.choices
        self.truncated += other.truncated
        self.frontier_left += other.frontier_left
        self.merged += other.merged
        for mine, theirs in ((self.endings, other.endings), (self.errors, other.errors),
                             (self.dead_ends, other.dead_ends)):
            for name, found in theirs.items():
                keep_best(mine, name, found)
        self.visited |= other.visited
        self.trajectories.merge(other.trajectories)


class StepObserver(Protocol):
    """Something that watches walks choice point by choice point (stat trajectories, say).

    Strategies that play walks call these; an observer keeps what it learns in the `Tally` it is given
    at the end, so it merges like everything else.
    """

    def begin(self, walker: Walker) -> None: ...

    def step(self, walker: Walker, steps: int, taken: str | None) -> None:
        """At a choice point (or the end), after `steps` choices; `taken` is the last one's text."""

    def end(self, walker: Walker, tally: Tally, endings: Sequence[str]) -> None: ...


class TrajectoryObserver:
    """Stat trajectories (`trajectories.py`) recorded along random walks."""

    def __init__(self, track: TrackConfig, engine: Engine) -> None:
        self.recorder = Recorder.for_engine(track, engine)

    def begin(self, walker: Walker) -> None:
        self.recorder.begin()

    def step(self, walker: Walker, steps: int, taken: str | None) -> None:
        self.recorder.sample(walker.engine, steps, taken)

    def end(self, walker: Walker, tally: Tally, endings: Sequence[str]) -> None:
        self.recorder.end(endings)
        tally.trajectories.merge(self.recorder.take())


#: above this many coverage ids, `Walker.seen` reads a saved state instead of asking for each
_ASK_EACH = 24
#: The copy without line breaks (`CountFlags.text` with `line_breaks=False`) plays a whole passage in one `Continue`, so
#: a story printing in an endless loop would fill the runtime's output for as long as the budget per
#: line allows (5 s). It gets 0.1 s of CPU time instead (a passage takes well under a millisecond; CPU
#: time, so that a loaded machine does not cut passages short), and a passage that runs over is played
#: again on the faithful copy, which reports it exactly as before.
FAST_BUDGET = Budget(work_seconds=0.1)
#: Less time than the runtime ever spends on a line of output: a passage the copy without line breaks
#: played in under `max_lines` times this cannot have shown `max_lines` lines, so `--max-lines` needs
#: no look at its text (above it, the text's length bounds the lines it can hold).
_LINE_FLOOR = 2e-7
#: random walks drop the visit counts added for coverage every this many choices (`Walker.trim_counts`):
#: often enough that the table stays small, rarely enough that saving and loading the state stays cheap
TRIM_EVERY = 64


def trim_memory() -> None:
    """Give freed memory back to the system. Loading a big story makes the runtime allocate about
    twice what it keeps; without this a worker's resident size stays at the peak."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to do
        pass



def _started(story_json: str, budget: Budget | None) -> tuple[Engine, str, Expectations]:
    """A runtime loaded with one copy of the story: (engine, its initial state, its expectations)."""
    engine = Engine(story_json, budget=budget)
    initial = engine.save_state()
    trim_memory()  # loading a big story makes the runtime allocate about twice what it keeps
    return engine, initial, Expectations(engine)

# -- the walker ----------------------------------------------------------------------------------

class Walker:
    """Plays one story many times in one process.

    The runtime is loaded on first use (`engine`): the parent process of a run plans and merges but
    never plays, so it never holds the runtime's copy of the story (tens of MB for a big one); each
    worker loads its own (`for_worker`), without the story graph.

    The hot loop uses the engine's lean calls (`advance`, `choice_list`): building a `Line`, reading
    the text and copying the tags for every line would cost about a fifth of the explorer's throughput.

    **Two copies of the story.** Walks play a copy without line breaks (`CountFlags.text` with `line_breaks=False`:
    every newline token is a `nop`), because bink snapshots its whole state at every line of output:
    on the generated 20,000-line story that copy plays 3.4x as many choices per CPU second. It plays
    the same choices, visit counts and variables; only what depends on line boundaries differs, and
    the walker takes each of those from the faithful copy (with its line breaks, counting the same
    visits), loaded only when first needed:

    * a passage that raises (an ink error, a runtime crash, the short `FAST_BUDGET` run out), breaks
      an expectation (its message quotes the line), or might hold `max_lines` lines is played again
      on the faithful copy: the same seed and path from the start, its last passage line by line as
      before, and the walk goes on from the faithful copy's state (`_replay_passage`). Errors are rare,
      so the fast path pays nothing for this;
    * endings need no line boundaries: the convention is "a line shown since the last choice carries
      `# ending:`", and the copy's `Continue` returns all the passage's tags at once;
    * the choice texts along a finding's path (`replay`) come from the faithful copy.

    `fast=False` plays the faithful copy throughout (the parity tests compare the two).
    """

    def __init__(self, json_text: str, graph: StoryGraph | None, options: ExploreOptions,
                 instrumented: tuple[CountFlags, dict[str, str], set[str]] | None = None,
                 facts: StoryFacts | bytes | None = None, fast: bool = True) -> None:
        self.options = options
        #: whether walks play the copy without line breaks (see the class's docstring)
        self.fast = fast
        self.graph = graph
        flags, self.node_paths, self.added = instrumented or count_flags(json_text, graph)
        #: the story cut around the count flags we may add: `focus` splices a copy counting fewer
        self.instrumented = (flags, self.node_paths, self.added)
        #: the runtime paths whose counts we added that coverage still reads (`focus` narrows them)
        self._counted: set[str] = self.added
        #: the paths we added whose count flag the loaded story has on (set when it loads)
        self._flagged: set[str] = self.added
        #: those of them no one reads any more, dropped from the state every `TRIM_EVERY` choice points
        self._unread: set[str] = set()
        self._settled = 0
        self._engine: Engine | None = None
        self._initial = ""
        #: the faithful copy beside the fast one (loaded on first need), its expectations and first state
        self._faithful: Engine | None = None
        self._faithful_expectations: Expectations | None = None
        self._faithful_initial = ""
        #: the tags of the current passage's `Continue`s before the last one (see `segment`)
        self._tags: list[str] = []
        #: while a path is played again on the faithful copy, variable assignments are not reported
        self._muted = False
        #: the engine that played the last passage (its last `Continue`'s tags are the passage's last)
        self._stopped: Engine | None = None
        self._unvisited = dict(self.node_paths)
        #: continuity violations met in the current segment (recorded by `settle`)
        self.violations: list[str] = []
        #: the ending ids of the passage the story last stopped on (set by `settle`)
        self.endings: list[str] = []
        #: where a worker's breadcrumb goes (see `pool.py`); a plain one in the parent
        self.trail = Trail()
        #: where a worker's runtime panics are captured (fd 2), for the report's messages
        self._panics: PanicLog | None = None
        #: per-choice-point observers of random walks (stat trajectories); empty: nothing to call
        self.observers: list[StepObserver] = []
        #: the story-level facts strategies plan with (liveness, condition variables), built once;
        #: pickled when shipped to a worker (see `for_worker`)
        self._facts: StoryFacts | bytes | None = facts
        self._watched: set[str] = set()
        #: what strategies keep per process (the guided search's initial values, say)
        self.cache: dict[str, Any] = {}
        self._changed: dict[str, object] = {}

    @property
    def engine(self) -> Engine:
        """The runtime, loaded on first use. Raises `StoryLoadError` if it rejects the story."""
        if self._engine is None:
            self._flagged = self._counted
            self._load(self.instrumented[0].text(self._counted, line_breaks=not self.fast))
        assert self._engine is not None
        return self._engine

    @property
    def faithful(self) -> Engine:
        """The story with its line breaks, counting what `engine` counts (the same engine unless
        `fast`), loaded on first use: what lines, texts and runaway budgets are read from."""
        if not self.fast:
            return self.engine
        if self._faithful is None:
            if self._engine is None:  # what the fast copy will count when it loads (see `engine`)
                self._flagged = self._counted
            faithful, self._faithful_initial, self._faithful_expectations = _started(
                self.instrumented[0].text(self._flagged), None)
            for name in self._watched:
                faithful.observe(name, self._observed)
            self._faithful = faithful
        return self._faithful

    def _faithful_parts(self) -> tuple[Engine, Expectations, str]:
        if not self.fast:
            return self.engine, self.expectations, self._initial
        engine = self.faithful
        assert self._faithful_expectations is not None
        return engine, self._faithful_expectations, self._faithful_initial

    @property
    def runtime_loaded(self) -> bool:
        """Whether this process has loaded the runtime (the parent of a run never does)."""
        return self._engine is not None

    @property
    def expectations(self) -> Expectations:
        self.engine  # noqa: B018 - loading binds the expectations
        return self._expectations

    def _load(self, story_json: str) -> None:
        engine, self._initial, self._expectations = _started(story_json, FAST_BUDGET if self.fast else None)
        if self.options.track is not None:
            self.observers.append(TrajectoryObserver(self.options.track, engine))
        self._engine = engine

    def for_worker(self, with_facts: bool, fast: bool | None = None) -> Callable[[], Walker]:
        """What builds this walker again in a worker process (picklable): the story and what was
        derived from it, without the graph; the facts strategies plan with are built here and shipped
        when the strategy's tasks use them (`Strategy.uses_facts`). `fast=False` builds one that plays
        the faithful copy only.

        The facts travel pickled and are unpickled on first use, after the worker has loaded the
        runtime: loading a big story briefly takes twice what the runtime keeps, and facts already
        unpickled then (16 MB on the 20,000-line story) would add to that peak, where afterwards they
        fit in what the load gave back."""
        facts = pickle.dumps(self.facts()) if with_facts else None
        return partial(Walker, "", None, self.options, self.instrumented, facts, self.fast if fast is None else fast)

    def enter_worker(self, trail: Trail) -> None:
        """Called once in a worker process: load the runtime; breadcrumbs go to shared memory, panics
        to a file."""
        self.engine  # noqa: B018 - a story the runtime rejects fails here, before any task
        self.trail = trail
        self._panics = PanicLog().__enter__()  # for the worker's lifetime; it ends with the process

    def facts(self) -> StoryFacts:
        """What strategies plan with (watched variables, liveness), built once per process."""
        if self._facts is None:
            self._facts = StoryFacts.build(self.graph)
        elif isinstance(self._facts, bytes):
            self._facts = pickle.loads(self._facts)  # noqa: S301 - our own object, from the parent process
        assert isinstance(self._facts, StoryFacts)
        return self._facts

    # -- playing ----------------------------------------------------------------------------------
    def start(self, story_seed: int) -> None:
        engine = self.engine  # loads the runtime on first use, and with it `_initial`
        engine.load_state(with_seed(self._initial, story_seed))
        engine.warnings.clear()
        self.violations.clear()
        self.expectations.broken.clear()

    def segment(self) -> tuple[int, str | None]:
        """Continue to the next choice point: (the runtime's `Continue`s, error or None).

        Tags are read only for endings (the convention the story tests share, `dreamphases/tags.py`:
        a line shown since the last choice carries `# ending: <id>`): asking bink for every line's tags
        would cost a sixth of the throughput, so `settle` reads the last `Continue`'s tags when the
        story stops, and those of the others are kept here as the passage goes (the copy without line
        breaks mostly plays a passage in one). A line's text is read only when an expectation broke on
        it (its message quotes the line), on the faithful copy.
        """
        if not self.fast:
            return self._segment(self.engine, self.expectations, True)
        engine, tags = self.engine, self._tags
        self._stopped = engine
        tags.clear()
        calls = 0
        advance, can_continue = engine.advance, engine.can_continue
        started = time.perf_counter()
        while can_continue():
            if calls:
                tags += engine.tags()
            try:
                advance()
            except StoryRuntimeError as exc:  # an ink error, a crash, the short budget run out
                return calls, str(exc)
            calls += 1
        limit = self.options.max_lines
        if time.perf_counter() - started > limit * _LINE_FLOOR and \
                len(engine.text()) + len(tags) + len(engine.tags()) + calls >= limit:
            return calls, "may have shown --max-lines lines"  # never reported: the passage is played again
        return calls, None

    def _segment(self, engine: Engine, expectations: Expectations, record: bool) -> tuple[int, str | None]:
        """Continue to the next choice point line by line (the faithful copy): (lines, error or None).
        With `record`, broken expectations are noted in `violations`."""
        limit = self.options.max_lines
        lines = 0
        tags = self._tags
        tags.clear()
        self._stopped = engine
        broken = expectations.broken
        advance, can_continue = engine.advance, engine.can_continue
        while can_continue():
            if lines:
                tags += engine.tags()
            try:
                advance()
            except StoryRuntimeError as exc:  # an ink error, a crash inside the runtime, a budget run out
                if broken:
                    found = expectations.take(exc.text)
                    if record:
                        self.violations += found
                return lines, str(exc)
            if broken:
                found = expectations.take(engine.text())
                if record:
                    self.violations += found
            lines += 1
            if lines >= limit:
                return lines, f"no choice after {limit} lines of output (an endless loop?)"
        return lines, None

    def _replay_passage(self, path: tuple[int, ...], seed: int) -> tuple[int, str | None]:
        """Play the passage just played on the copy without line breaks again on the faithful copy,
        and go on from there: the same seed and path from the start, then the last passage line by
        line, as the explorer always played it. The fast copy is left in the faithful copy's state
        (its trail of choices, which error messages name, is the walk's own)."""
        fast = self.engine
        engine, expectations, initial = self._faithful_parts()
        self._muted = True
        try:
            engine.load_state(with_seed(initial, seed))
            for index in path:
                lines, error = self._segment(engine, expectations, False)
                if error is not None or index >= len(engine.choice_list()):
                    # the copies disagree before this passage: report what the faithful one says
                    return lines, error or f"the path {list(path)} cannot be replayed (the explorer's own fault)"
                engine.choose(index)
        finally:
            self._muted = False
        expectations.broken.clear()
        engine.errors.clear()
        engine.keep_last_choices(fast.choices_taken)
        self.expectations.broken.clear()
        lines, error = self._segment(engine, expectations, True)
        try:  # coverage is read from the fast copy's state, wherever the faithful one stopped
            fast.reload_state(engine.save_state())
        except Exception:  # noqa: BLE001 - a runtime that crashed may not save: coverage reads what it can
            pass
        return lines, error

    def settle(self, tally: Tally, path: tuple[int, ...], seed: int) -> int:
        """Run to the next choice point and record what happened. Returns the choice count (0 = stop)."""
        if self.fast:
            watched = dict(self._changed) if self._watched else None
            lines, error = self.segment()
            if error is not None or self.expectations.broken:
                if watched is not None:  # the faithful copy reports this passage's assignments again
                    self._changed.clear()
                    self._changed.update(watched)
                lines, error = self._replay_passage(path, seed)
        else:
            lines, error = self.segment()
        for violation in self.violations:
            keep_best(tally.errors, violation, Finding(1, path, seed))
        self.violations.clear()
        if error is not None:
            keep_best(tally.errors, error, Finding(1, path, seed))
            return 0
        count = self.engine.choice_count()
        self.endings = []
        if self._unread and count and not self.fast:
            self._settled += 1
            if self._settled >= TRIM_EVERY:
                self._settled = 0
                self._drop_counts(self._unread)
        if count == 0:
            assert self._stopped is not None
            endings = endings_in([*self._tags, *self._stopped.tags()]) if lines else []
            self.endings = endings
            for ending in endings:
                keep_best(tally.endings, ending, Finding(1, path, seed))
            if not endings and not self.options.untagged_ok:
                keep_best(tally.dead_ends, "the story stopped without an `# ending:` tag",
                          Finding(1, path, seed))
        return count

    def choose(self, index: int) -> None:
        self.trail.push(index)
        if self.fast:
            self.engine.choose_lean(index)
        else:
            self.engine.choose(index)

    # -- coverage ---------------------------------------------------------------------------------
    def cover(self, tally: Tally) -> None:
        """Visit counts only grow along a path, so checking at the end of each path sees every node.

        Random walks keep the story they loaded, counting everything: switching to one that counts
        only what is still unseen makes later walks about a fifth faster, but the runtime does not
        give back the memory of the story it lets go once it has played (the allocator's pages are
        fragmented by then), so each switch would add tens of MB to the worker on a big story.
        """
        if not self._unvisited:
            return
        for node in self.seen(self._unvisited):
            tally.visited.add(node)
            del self._unvisited[node]

    def trim_counts(self, tally: Tally) -> None:
        """Note what the visit counts have covered so far, then drop from the runtime's state the counts
        we added for coverage: the story cannot read them, so the walk plays on exactly the same.

        bink copies its whole table of visit counts each time it snapshots its state (about twice a
        line), so every entry makes every later line dearer: on the 20,000-line story the counts we add
        make random walks about a quarter slower. Reading the counts and loading the state back costs
        about a millisecond, so random walks do it every `TRIM_EVERY` choices.
        """
        if not self._flagged:
            return
        counts, trimmed = take_visit_counts(self.engine.save_state(), self._flagged)
        unvisited = self._unvisited
        if unvisited:
            by_path = self._ids_by_path()
            for path, n in counts.items():
                if n > 0:
                    for node in by_path.get(path, ()):
                        if node in unvisited:
                            tally.visited.add(node)
                            del unvisited[node]
        if trimmed is not None:
            self.engine.reload_state(trimmed)

    def _drop_counts(self, paths: set[str]) -> None:
        """Drop these visit counts from the runtime's state (no one may read them)."""
        _, trimmed = take_visit_counts(self.engine.save_state(), paths)
        if trimmed is not None:
            self.engine.reload_state(trimmed)

    def seen(self, ids: Collection[str]) -> set[str]:
        """Which of these coverage ids the current state has visited.

        Asking the runtime costs a call per id (made in one call from Python); for more than a few,
        reading every count from one saved state is far cheaper (a 20,000-line story starts with
        thousands unseen).
        """
        paths = self.node_paths
        if len(ids) > _ASK_EACH:
            counts = visit_counts(self.engine.save_state())
            if len(counts) < len(ids):
                by_path = self._ids_by_path()
                return {i for path, n in counts.items() if n > 0 for i in by_path.get(path, ()) if i in ids}
            return {i for i in ids if counts.get(paths[i], 0) > 0}
        asked = list(ids)
        visits = self.engine.visit_counts([paths[i] for i in asked])
        found = {i for i, n in zip(asked, visits, strict=True) if n > 0}
        self.engine.errors.clear()
        return found

    def _ids_by_path(self) -> dict[str, list[str]]:
        found = self.cache.get("ids by path")
        if found is None:
            found = {}
            for coverage_id, runtime in self.node_paths.items():
                found.setdefault(runtime, []).append(coverage_id)
            self.cache["ids by path"] = found
        return found  # type: ignore[no-any-return]

    def focus(self, runtime_paths: set[str]) -> None:
        """Count visits for coverage only at these runtime paths (the guided search reads no others).

        Every count in the runtime's state makes each later line dearer (bink copies the table with
        every snapshot it takes), and the story cannot read the counts we added, so walks play exactly
        the same without them. Before the runtime is loaded, the story it loads counts only these;
        after, on the faithful copy, the counts we added elsewhere are dropped from the state every
        `TRIM_EVERY` choice points (`settle`). The copy without line breaks takes no snapshots, so there
        the counts cost nothing and dropping them did (one process, 20 s of guided search on the
        20,000-line story: 11,511 and 10,985 choices per CPU second without, 10,557 and 10,051 with). Loading
        a copy of the story counting fewer would make lines a little cheaper still, but the runtime
        does not give back the memory of a story it has played (the allocator's pages are fragmented
        by then): each switch added tens of MB to the worker (205 MB on the 20,000-line story against
        151 MB without).
        """
        self._counted = runtime_paths & self.added
        self._unread = self._flagged - self._counted if self._engine is not None else set()

    # -- states -----------------------------------------------------------------------------------
    def save(self) -> bytes:
        """The runtime state, compressed: corpora and frontiers hold many, and they pack ~5x."""
        return zlib.compress(self.engine.save_state().encode("utf-8"), 1)

    def save_lean(self, counting: set[str]) -> tuple[bytes, frozenset[str]]:
        """The state without the visit counts no later read can observe, and the knots it is in.

        The counts we added for coverage are kept only at `counting` (the story cannot read them),
        and those liveness finds dead are dropped: a smaller state plays faster once loaded, since
        bink copies the counts with every snapshot it takes. Only the counts are written again, the
        rest of the state as the runtime wrote it.

        The state is kept as its UTF-8 text, not compressed as `save` does: a corpus holds at most a
        few thousand, small once their counts are dropped (1,500 of the guided search's on the
        20,000-line story: 4.4 MB, 1.4 compressed), and zlib cost a kept state more than the rest of
        this (setting up its tables for each state also left the processor's caches cold for bink).
        """
        parts = split_state(self.engine.save_state())
        text, counts = parts.text, parts.counts
        knots = parts.knots()
        liveness = self.facts().liveness
        live = liveness.live_counts(knots) if liveness is not None else None
        added = self.added
        kept = {k: n for k, n in counts.items() if (k not in added or k in counting) and (live is None or live(k))}
        if len(kept) < len(counts):
            text = parts.joined(kept)
        return text.encode("utf-8"), frozenset(knots)

    def load(self, packed: bytes) -> None:
        """Load a state `save` (compressed) or `save_lean` (its text) gave."""
        self.load_text(packed.decode("utf-8") if packed[:1] == b"{" else zlib.decompress(packed).decode("utf-8"))

    def load_text(self, state: str) -> None:
        self.engine.load_state(state)
        self.violations.clear()
        self.expectations.broken.clear()

    def state_text(self) -> str:
        return self.engine.save_state()

    def choice_count(self) -> int:
        return self.engine.choice_count()

    def variable(self, name: str) -> object:
        try:
            return self.engine.get_variable(name)
        except Exception:  # not a variable of this story after all
            return None

    def watch(self, names: Iterable[str]) -> dict[str, object]:
        """Values assigned to these variables since the caller last cleared the returned dict.

        The runtime calls back on each assignment, which costs nothing while a variable is left alone;
        reading a variable costs several calls into the runtime, so polling them at every choice
        point would cost more than playing. Loading a state does not call back: the caller knows
        the values a state starts with. Watching is per process and for good (once per name).
        """
        for name in names:
            if name not in self._watched:
                self._watched.add(name)
                self.engine.observe(name, self._observed)
                if self._faithful is not None:
                    self._faithful.observe(name, self._observed)
        return self._changed

    def _observed(self, name: str, value: object) -> None:
        if not self._muted:
            self._changed[name] = value

    # -- replay -----------------------------------------------------------------------------------
    def replay(self, path: tuple[int, ...], seed: int) -> list[str]:
        """The choice texts along a path, for reports and re-playable specs.

        Only the segments before each choice are played, never the one after the last: a path that
        ends in a crash of the runtime replays safely in the process writing the report. Played on
        the faithful copy: the texts are the story's own, line breaks and all.
        """
        engine, expectations, initial = self._faithful_parts()
        engine.load_state(with_seed(initial, seed))
        texts: list[str] = []
        for index in path:
            self._segment(engine, expectations, False)
            choices = engine.choice_list()
            if index >= len(choices):
                break
            texts.append(choices[index])
            engine.choose(index)
        expectations.broken.clear()
        return texts

    # -- random walks (the guided search's walks are these too) --------------------------------------
    def walk(self, rng: random.Random, tally: Tally, path: list[int], seed: int, steps: int,
             count: int, trim: bool = False) -> int:
        """Take up to `steps` random choices from the choice point the story is at (with `count`
        choices); `path` grows. Returns the choice count where the walk stopped (0: the story ended).

        With `trim`, the coverage counts are noted and dropped from the state along the way
        (`trim_counts`): the caller must then read coverage with `cover` at the walk's end, since
        `seen` no longer sees what was dropped. The copy without line breaks is never trimmed: it
        takes no snapshots, so the counts cost it nothing, and trimming did (on the 20,000-line story,
        17,000 choices per CPU second without against 14,600 with, every 64 choices)."""
        observers = self.observers
        trim = trim and not self.fast
        since = 0
        while count and steps > 0:
            index = rng.randrange(count)
            path.append(index)
            taken = self.engine.choice_list()[index] if observers else None
            self.choose(index)
            tally.choices += 1
            count = self.settle(tally, tuple(path), seed)
            tally.states += 1
            steps -= 1
            for observer in observers:
                observer.step(self, len(path), taken)
            if trim:
                since += 1
                if since >= TRIM_EVERY and count:
                    self.trim_counts(tally)
                    since = 0
        return count


# -- the driver ----------------------------------------------------------------------------------

@dataclass(slots=True)
class Milestone:
    """When a kind of coverage reached its final figure: after how much work and how many seconds."""

    name: str
    covered: int
    total: int
    work: int
    seconds: float


#: choice texts by (path, seed)
Texts = dict[tuple[tuple[int, ...], int], list[str]]


@dataclass(slots=True)
class Outcome:
    """What `explore` returns: the tally, why it stopped, and the coverage milestones."""

    tally: Tally
    stop_reason: str
    milestones: list[Milestone]
    seconds: float
    #: (seconds, work, covered per kind, workers' CPU seconds) each time coverage grew: for benchmarks
    #: racing to a target (the CPU time as the workers last reported it, at the end of their tasks)
    timeline: list[tuple[float, int, dict[str, int], float]] = field(default_factory=list)
    #: the choice texts along each finding's (path, seed), replayed in a worker for the report
    texts: Texts = field(default_factory=dict)
    #: the story's global tags as the runtime reads them (only when trajectories were recorded)
    global_tags: list[str] | None = None
    #: CPU time the worker processes spent (loading the story included), beside `seconds` of wall time
    cpu_seconds: float = 0.0
    #: wall-clock time the workers spent waiting for a task once loaded (`Pool.wait_seconds`)
    wait_seconds: float = 0.0


class Progress(Protocol):
    def __call__(self, done: int, total: int | None) -> None: ...


def _coverage(tally: Tally, universe: dict[str, set[str]]) -> dict[str, int]:
    seen = tally.visited
    counts = {name: len(ids & seen) for name, ids in universe.items() if name != "endings"}
    counts["endings"] = len(universe["endings"] & set(tally.endings))
    return counts


def universe_of(walker: Walker) -> dict[str, set[str]]:
    """Everything coverage can count: nodes, choices, conditional branches, declared endings."""
    ids = set(walker.node_paths)
    return {
        "endings": {e.id for e in walker.graph.endings} if walker.graph is not None else set(),
        "choices": {i for i in ids if is_choice_id(i)},
        "branches": {i for i in ids if is_branch_id(i)},
        "nodes": {i for i in ids if not is_choice_id(i) and not is_branch_id(i)},
    }


def _crash_tally(crash: Crash, counts_walks: bool) -> Tally:
    tally = Tally()
    message = crash_message(crash.status)
    if crash.unit is None:
        message += " before any walk started"
    keep_best(tally.errors, message, Finding(1, crash.path, crash.seed))
    tally.walks = int(counts_walks and crash.unit is not None)
    return tally


def explore(walker: Walker, jobs: int = 1, shard: tuple[int, int] = (1, 1),
            progress: Progress | None = None) -> Outcome:
    """Run the strategy named by `walker.options.mode` (this shard's part of it) in `jobs` worker
    processes; merge, stop, and time the milestones.

    `progress(done, total)` is called as tasks finish (the CLI draws a bar with it; `total` is None
    while the strategy cannot know how many tasks remain).
    """
    from dreamphases.testing.strategies import make_strategy
    from dreamphases.testing.strategies.base import Rounds

    options = walker.options
    strategy = make_strategy(walker, shard)
    universe = universe_of(walker)
    totals = {name: len(ids) for name, ids in universe.items()}
    whole = sum(totals.values())
    total = Tally()
    started = time.perf_counter()
    reached: dict[str, Milestone] = {}
    last_counts = {name: 0 for name in universe}
    last_new_work = 0
    timeline: list[tuple[float, int, dict[str, int], float]] = []
    stop_reason = ""
    done_tasks = 0
    report = progress or (lambda done, total: None)

    measured = (-1, -1)  # the sizes of what `total` had seen when coverage was last counted

    def note(work: int, cpu: float) -> bool:
        """Record milestones after a merge; True when `--until-covered` says stop."""
        nonlocal last_new_work, measured
        # what was seen only grows: while its sizes stay, so do the counts (a task that found
        # nothing new costs no intersections with the whole coverage)
        sizes = (len(total.visited), len(total.endings))
        counts = _coverage(total, universe) if sizes != measured else dict(last_counts)
        measured = sizes
        elapsed = time.perf_counter() - started
        if counts != last_counts:
            timeline.append((elapsed, work, counts, cpu))
        for name, covered in counts.items():
            if covered > last_counts[name] or name not in reached:
                if covered > last_counts[name]:
                    last_new_work = work
                reached[name] = Milestone(name, covered, totals[name], work, round(elapsed, 3))
        last_counts.update(counts)
        if not options.until_covered:
            return False
        if whole and sum(counts.values()) == whole:
            return True
        # nothing new in the second half of the work so far (and not too early to tell)
        return work >= max(2 * last_new_work, options.patience or strategy.patience)

    def stopping() -> str:
        return "covered" if sum(last_counts.values()) == whole else "plateau"

    with Pool[Any](jobs, walker.for_worker(strategy.uses_facts)) as pool:
        # rounds flow through the pool as a queue: a strategy that plans with tasks still running
        # (`Strategy.ahead`) has its next round queued behind them, so no worker waits for the parent
        rounds = Rounds(strategy)
        pool.submit(rounds.first())
        deadline = None if options.budget is None else time.monotonic() + options.budget
        while not stop_reason:
            done = pool.next(deadline)
            if done is None:  # every round run, and the strategy planned no more
                break
            if done is DEADLINE:
                stop_reason = "budget"
                break
            assert isinstance(done, Done)
            for crash in done.crashes:
                total.merge(_crash_tally(crash, strategy.work_name == "walks"))
            payload = None
            if done.result is not MISSING:
                tally, payload = done.result
                total.merge(tally)
                done_tasks += 1
                report(done_tasks, strategy.expected_tasks)
                if note(strategy.work(total), pool.cpu_seconds):
                    stop_reason = stopping()
                elif options.budget is not None and time.perf_counter() - started >= options.budget:
                    stop_reason = "budget"
                if stop_reason:
                    break
            planned = rounds.take(payload)
            if planned:
                pool.submit(planned)
            if rounds.planned:
                total.merge(strategy.own_tally())
                if note(strategy.work(total), pool.cpu_seconds):
                    stop_reason = stopping()
        pool.cancel()  # what is still queued or running once a rule stopped the run
        if not stop_reason:
            stop_reason = strategy.finished(total)
        seconds = time.perf_counter() - started
        cpu_seconds, wait_seconds = pool.cpu_seconds, pool.wait_seconds
        if not walker.fast:
            texts, tags = _replay_findings(pool, total, options.track is not None)
    if walker.fast:
        # in a worker of its own, which loads only the faithful copy: one that played walks and then
        # loaded it would hold both copies (the runtime does not give back the memory of a story it has
        # played), about 50 MB each on the 20,000-line story
        with Pool[Any](1, walker.for_worker(False, fast=False)) as replays:
            texts, tags = _replay_findings(replays, total, options.track is not None)
    note(strategy.work(total), cpu_seconds)
    milestones = [reached[name] for name in ("endings", "choices", "branches", "nodes") if name in reached]
    return Outcome(total, describe_stop(stop_reason, strategy.work_name, strategy.work(total),
                                        options), milestones, seconds, timeline, texts, tags, cpu_seconds,
                   wait_seconds)


@dataclass(slots=True)
class _Replays:
    """The report's last task: the choice texts along each finding's path, and the story's global
    tags, read in a worker so the process writing the report never loads the runtime."""

    paths: tuple[tuple[tuple[int, ...], int], ...]

    def run(self, walker: Walker, trail: Trail, skip: frozenset[int]) -> tuple[Texts, list[str]]:
        texts: Texts = {}
        for unit, (path, seed) in enumerate(self.paths):
            if unit not in skip:
                trail.begin(unit, seed, path)
                texts[(path, seed)] = walker.replay(path, seed)
        return texts, walker.engine.global_tags()


def _replay_findings(pool: Pool[Any], tally: Tally, with_tags: bool) -> tuple[Texts, list[str] | None]:
    paths = sorted({(f.path, f.seed) for table in (tally.endings, tally.errors, tally.dead_ends)
                    for f in table.values()})
    if not paths and not with_tags:
        return {}, None
    for _, result in pool.run([_Replays(tuple(paths))]):
        if not isinstance(result, Crash):
            texts, tags = result
            return texts, tags
    return {}, None  # the replays crashed the runtime every time: the report shows paths alone


def describe_stop(reason: str, work_name: str, work: int, options: ExploreOptions) -> str:
    """The report's sentence for why a run stopped."""
    match reason:
        case "covered":
            return "everything was covered (--until-covered)"
        case "plateau":
            return f"nothing new was found in the second half of the {work_name} (--until-covered)"
        case "budget":
            return f"the time budget of {options.budget:g} s ran out (--budget)"
        case "runs":
            return f"all {work:,} walks were played (--runs)"
        case "exhausted":
            return "every reachable state was explored"
        case "max-states":
            return "the state budget ran out (--max-states)"
        case "max-depth":
            return "states were left at --max-depth"
        case _:
            return reason
