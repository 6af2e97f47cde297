"""Coverage-guided search: short walks from saved runtime states, scheduled toward what is missing.

Random walks replay the story from its first line every time, so a branch that needs six right
choices in a row is found once in thousands of walks. The guided search works like a coverage-guided
fuzzer whose inputs are runtime states:

* a **corpus** of saved states at choice points (bink saves and loads one in tens of µs), starting
  with the story's beginning;
* each round, walks start from corpus states, so a known prefix is never played again; an entry with
  choices never tried from it gets them tried first (each one is a branch nobody has taken), and
  otherwise entries that found more, for fewer walks, get more walks (the fuzzers' *energy*);
* a walk that finds something new — a knot, choice or conditional branch never covered, an ending
  not reached, or a value of a variable the story's conditions read (a stat's range) never seen —
  adds the state where it found it to the corpus. Coverage is read once at the end of a walk; only
  when there is news is the walk played again from its start to find the step it came at;
* walks aimed at a missing target start from the states closest to it (branch distance), and once a
  target has resisted `LEARN_AFTER` of them, its aimed walks learn which options to prefer from the
  ones that came closest (the cross-entropy method: `cross_entropy.py`, `_Learner`).

Determinism: the round's tasks are planned from the corpus and what earlier tasks found, merged in
task order (all but the last `ahead` tasks handed out: `strategies.base.Rounds`), with an RNG seeded
from (seed, round); a task's walks depend only on the task. So the search is the same for a seed
whatever `--jobs`. Shards run independent searches with seeds derived
from (seed, shard): merging them unites what each found (see docs/testing.md).
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from dreamphases.statspec import StatSpec
from dreamphases.testing.branch_distance import Values as Measured
from dreamphases.testing.branch_distance import compiled, distance, inputs_of, term_inputs
from dreamphases.testing.explorer import Tally, Walker
from dreamphases.testing.pool import Trail
from dreamphases.testing.story_facts import StoryFacts, bucket
from dreamphases.testing.strategies import cross_entropy
from dreamphases.testing.strategies.base import Strategy, Task
from dreamphases.testing.strategies.cross_entropy import Choices, Counts, Preferences

__all__ = ["Guided"]

TASKS_PER_ROUND = 8
WALKS_PER_TASK = 8
#: entries kept at most; beyond it the least promising are dropped (memory stays flat)
MAX_CORPUS = 1500
#: a declared stat's value is news again this many choices deeper into the story (a bond high in the
#: last act is not the same find as in the first); other variables' values are news once
DEPTH_BAND = 10
#: the share of walks that start from the beginning with a fresh story seed, while such walks still
#: find coverage; once they have found none for DRY_ROUNDS rounds, only ROOT_SHARE_DRY, and the rest
#: goes to walks aimed at missing targets (a walk from the start costs a whole playthrough)
ROOT_SHARE = 0.3
ROOT_SHARE_DRY = 0.1
DRY_ROUNDS = 4
#: states a single walk may add to the corpus
MAX_ADDS_PER_WALK = 4
#: `_locate` looks for finds every LOCATE_STRIDE choices while more than LOCATE_EACH are left (above
#: that many, `Walker.seen` reads a whole saved state rather than asking for each)
LOCATE_EACH = 24
LOCATE_STRIDE = 8
#: the share of walks that start from the entry closest to a missing target (branch distance)
DIRECTED_SHARE = 0.4
#: missing targets whose branch distance a round's walks measure (a rotating window over them all)
TARGETS_PER_ROUND = 32
#: states a single walk may add for coming closer to a target
MAX_CLOSER_PER_WALK = 4
#: entries kept per missing target on its front of (depth, distance)
FAVOURED = 8
#: aimed walks from a favoured state, none of which brought anything closer or found anything, after
#: which the state leaves every front it is on: it may lie past a point of no return its target's
#: guard cannot see (a bond that only rises from here, a stat too low for a test no guard names), and
#: while it stays, states from other lineages that are no closer cannot take its place (0: never)
FORGET_AFTER = 600
#: branch distances a process remembers, over all targets (a few MB)
MEMO_ENTRIES = 32_768
#: walks aimed at a target after which the walks aimed at it learn which options to prefer (the
#: cross-entropy method, `cross_entropy.py`; 0: never): only targets that resist pay for reading
#: the options' texts
LEARN_AFTER = 64
#: a learning walk is scored this much worse for each place around its target it did not enter (the
#: target's node, the conditional branches it is written inside: `_Learner`), then by its distance
LEVEL = 100.0
#: the share of a learning target's walks that start from the story's start rather than from its
#: favoured states: what those states decided before them (a bond lowered or not in an earlier act)
#: is out of their walks' reach, and a walk from the start can learn it too
LEARN_FROM_START = 0.5


Values = tuple[tuple[str, str], ...]  # the watched variables' buckets at a state
_INF = math.inf
Raw = tuple[tuple[str, object], ...]  # the values branch distances read, as plain Python values


@dataclass(slots=True)
class _Entry:
    packed: bytes | None  # None: the story's start, with a fresh story seed per walk
    path: tuple[int, ...]
    seed: int
    count: int  # choices offered here
    values: Values
    knots: frozenset[str] = frozenset()  # where the state is (its call stacks and pending choices)
    raw: Raw = ()
    tried: list[int] = field(default_factory=list)  # walks begun with each choice
    walks: int = 0
    finds: int = 0
    #: aimed walks from here since one brought something closer or found something
    barren: int = 0

    def untried(self) -> list[int]:
        return [i for i, n in enumerate(self.tried) if n == 0]

    def energy(self) -> float:
        return (1.0 + 4.0 * self.finds) / (1.0 + self.walks) ** 0.5


@dataclass(slots=True)
class _Walk:
    entry: int
    packed: bytes | None
    path: tuple[int, ...]
    seed: int
    first: int | None  # the first choice to take (an untried one), or None for a random one
    rng: int
    values: Values
    raw: Raw
    #: the missing target it is aimed at: played to the end of the story, since the target may lie
    #: further than `--walk-steps` choices ahead of the favoured state it starts from
    aim: str | None = None
    #: it draws its options by the target's preferences and reports how close it came (`_Scored`)
    learn: bool = False


@dataclass(slots=True)
class _Found:
    """A state worth keeping, and what was new when the walk reached it."""

    entry: int
    news: frozenset[str]
    packed: bytes | None = None
    path: tuple[int, ...] = ()
    seed: int = 0
    count: int = 0
    values: Values = ()
    knots: frozenset[str] = frozenset()
    raw: Raw = ()
    #: targets this state is closer to than any before it: (coverage id, branch distance)
    closer: tuple[tuple[str, float], ...] = ()


@dataclass(slots=True)
class _Scored:
    """A learning walk's outcome: how close it came to its target (lower is better; -1: it covered it)
    and what it offered and chose."""

    target: str
    score: float
    counts: Counts


#: a target whose walks learn: (coverage id, the runtime paths of where it is written: its node, then
#: the conditional branches it is inside, outermost first; its preferences)
Lesson = tuple[str, tuple[str, ...], tuple[tuple[str, float], ...]]


@dataclass(slots=True)
class Walks(Task):
    walks: tuple[_Walk, ...]
    unknown: tuple[str, ...]  # coverage ids nobody had seen when the round was planned
    known_values: frozenset[str]
    known_endings: frozenset[str]
    steps: int
    #: missing coverage ids whose branch distance walks measure, each with its front of (depth,
    #: distance) when the round was planned: a state the front does not dominate is kept
    targets: tuple[tuple[str, Front], ...] = ()
    #: the targets this task's learning walks are aimed at, with what they learnt so far
    lessons: tuple[Lesson, ...] = ()
    #: runtime paths of `unknown`: where visits are counted, and the counts saved states keep
    _counting: set[str] = field(default_factory=set)
    _compass: _Compass | None = None

    def run(self, walker: Walker, trail: Trail, skip: frozenset[int]) -> tuple[Tally, Any]:
        tally = Tally()
        found: list[_Found | _Scored] = []
        unknown = set(self.unknown)
        self._compass = _Compass.of(walker, self.targets)
        self._counting = {walker.node_paths[i] for i in unknown}
        walker.focus(self._counting)
        for unit, walk in enumerate(self.walks):
            if unit not in skip:
                found += self._one(walker, trail, unit, walk, tally, unknown)
        return tally, found

    def _start(self, walker: Walker, walk: _Walk, tally: Tally, rng: random.Random,
               changed: dict[str, object]) -> tuple[int, int]:
        """Put the story at the walk's starting point: (story seed, choices offered)."""
        changed.clear()
        if walk.packed is None:
            seed = rng.randrange(1 << 30)
            walker.start(seed)
            count = walker.settle(tally, (), seed)
            tally.states += 1
            return seed, count
        walker.load(walk.packed)
        return walk.seed, walker.choice_count()

    def _one(self, walker: Walker, trail: Trail, unit: int, walk: _Walk, tally: Tally,
             unknown: set[str]) -> list[_Found | _Scored]:
        facts: StoryFacts = walker.facts()
        specs = dict(facts.signals)
        buckets = _buckets(walker)
        compass = self._compass
        assert compass is not None
        compass.begin()
        changed = walker.watch([*specs, *compass.variables])
        # a state's values are those of the stats and of what this task's targets read, all watched
        # now: a worker keeps watching what earlier tasks read, and values of those would make the
        # state depend on which tasks its worker played before, so on --jobs (others are unknown to
        # later tasks, measured as undecided)
        tracked = compass.variables.union(specs)
        lesson = _Learner.of(walker, self.lessons, walk, tracked) if walk.learn else None
        rng = random.Random(walk.rng)
        current = dict(walk.values if walk.packed is not None else _initial(walker, specs))
        raw = dict(walk.raw if walk.packed is not None else _initial_raw(walker, compass.variables))
        trail.begin(unit, walk.seed, walk.path)
        seed, count = self._start(walker, walk, tally, rng, changed)
        if walk.packed is None:
            trail.begin(unit, seed, ())
        tally.walks += 1
        path = list(walk.path)
        known = self.known_values
        seen: set[str] = set()
        found: list[_Found | _Scored] = []
        taken: list[int] = []
        closer_adds = 0
        max_steps = walker.options.max_steps
        # a walk from the start is a plain random walk, played to the end as random walks are; walks
        # from corpus states are short, so effort goes back to the corpus soon
        steps = self.steps if walk.packed is not None and walk.aim is None else max_steps
        quiet = 0  # choice points since the compass last measured
        banded, band = -1, ""  # the depth band values are news in (`DEPTH_BAND`), and its text
        measuring = compass.targets
        while True:
            # measured again when one of this task's inputs moved: the worker may also be watching
            # what earlier tasks read, and measuring when those move would make the states kept
            # depend on which worker played this task (so on --jobs)
            dirty = False
            if changed:
                dirty = compass.moved(changed, raw, tracked)
                if len(path) // DEPTH_BAND != banded:  # the band's text, made once per band
                    banded = len(path) // DEPTH_BAND
                    band = f"@{banded}"
                news = _update(current, changed, specs, buckets, band)
                if news:
                    news = {n for n in news if n not in known and n not in seen}
                if news:
                    seen |= news
                    if count and len(found) < MAX_ADDS_PER_WALK:
                        packed, knots = walker.save_lean(self._counting)
                        found.append(_Found(walk.entry, frozenset(news), packed, tuple(path), seed,
                                            count, tuple(sorted(current.items())), knots, _sorted(raw)))
                    else:
                        found.append(_Found(walk.entry, frozenset(news)))
            quiet += 1
            # distances move with the watched values; visit counts are caught within a few choices
            if count and measuring and closer_adds < MAX_CLOSER_PER_WALK and (dirty or quiet >= 3):
                quiet = 0
                candidates = compass.closer(walker, raw, len(path))
                if candidates:
                    packed, knots = walker.save_lean(self._counting)
                    closer = compass.confirm(candidates, raw, knots, len(path))
                    if closer:
                        closer_adds += 1
                        found.append(_Found(walk.entry, frozenset(), packed, tuple(path), seed, count,
                                            tuple(sorted(current.items())), knots, _sorted(raw), closer))
            if lesson is not None:
                lesson.measure(walker, raw)
            if not count or steps <= 0:
                break
            if len(path) >= max_steps:
                tally.truncated += 1
                break
            if lesson is not None:
                index = lesson.choose(walker, rng)
            else:
                index = walk.first if not taken and walk.first is not None and walk.first < count \
                    else rng.randrange(count)
            taken.append(index)
            path.append(index)
            walker.choose(index)
            tally.choices += 1
            count = walker.settle(tally, tuple(path), seed)
            tally.states += 1
            steps -= 1
        if not count:
            ended = set(walker.endings) - self.known_endings
            if ended:
                found.append(_Found(walk.entry, frozenset(f"e:{e}" for e in ended)))
        covered = walker.seen(unknown)
        if lesson is not None:
            target = lesson.target
            hit = target[2:] in walker.endings if target.startswith("e:") else target in covered
            found.append(_Scored(target, lesson.score(hit), lesson.choices.packed()))
        if covered:
            tally.visited |= covered
            unknown -= covered
            found += self._locate(walker, walk, seed, taken, covered, len(found), changed, specs,
                                  compass.variables, tracked)
        return found

    def _locate(self, walker: Walker, walk: _Walk, seed: int, taken: list[int], covered: set[str],
                already: int, changed: dict[str, object], specs: dict[str, StatSpec | None],
                distance_inputs: frozenset[str], tracked: frozenset[str]) -> list[_Found]:
        """Play the walk again from its start to find the steps at which `covered` was first seen.

        Once the walk has kept as many states as it may, the rest is reported without its step (the
        report and the energy only need that it was found). While many ids are left, asking the
        runtime costs a saved state each time, so they are looked for every few choices and a find
        is kept at the end of the stretch it was made in."""
        scratch = Tally()
        buckets = _buckets(walker)
        if walk.packed is None:
            current = dict(_initial(walker, specs))
            raw = dict(_initial_raw(walker, distance_inputs))
            changed.clear()
            walker.start(seed)
            walker.settle(scratch, (), seed)
        else:
            changed.clear()
            walker.load(walk.packed)
            current = dict(walk.values)
            raw = dict(walk.raw)
        path = list(walk.path)
        left = set(covered)
        out: list[_Found] = []
        here = walker.seen(left)
        if here:  # seen before the first choice (a walk from the start)
            left -= here
            out.append(_Found(walk.entry, frozenset(here)))
        for step, index in enumerate(taken, 1):
            if not left or already + len(out) >= MAX_ADDS_PER_WALK:
                break
            path.append(index)
            walker.choose(index)
            count = walker.settle(scratch, tuple(path), seed)
            if changed:
                for name, value in changed.items():
                    if name in tracked:
                        raw[name] = _plain(value)
                _update(current, changed, specs, buckets, "")
            if len(left) > LOCATE_EACH and step % LOCATE_STRIDE and step != len(taken):
                continue
            here = walker.seen(left)
            if not here:
                continue
            left -= here
            if count and already + len(out) < MAX_ADDS_PER_WALK:
                packed, knots = walker.save_lean(self._counting)
                out.append(_Found(walk.entry, frozenset(here), packed, tuple(path), seed, count,
                                  tuple(sorted(current.items())), knots, _sorted(raw)))
            else:
                out.append(_Found(walk.entry, frozenset(here)))
        if left:
            out.append(_Found(walk.entry, frozenset(left)))
        return out


def _initial(walker: Walker, specs: dict[str, StatSpec | None]) -> Values:
    """The watched variables' buckets as the story starts (read once per process)."""
    values = walker.cache.get("guided.initial")
    if values is None:
        walker.start(0)
        values = tuple(sorted((name, bucket(walker.variable(name), spec)) for name, spec in specs.items()))
        walker.cache["guided.initial"] = values
    return values  # type: ignore[no-any-return]


def _initial_raw(walker: Walker, names: frozenset[str]) -> Raw:
    """The values branch distances read, as the story starts (read once per process and name set)."""
    key = ("guided.initial raw", names)
    values = walker.cache.get(key)  # type: ignore[call-overload]
    if values is None:
        walker.start(0)
        values = _sorted({name: _plain(walker.variable(name)) for name in names})
        walker.cache[key] = values  # type: ignore[index]
    return values  # type: ignore[no-any-return]


def _plain(value: object) -> object:
    """A runtime value as plain Python: a list's items as a frozenset of their names (picklable)."""
    if value is None or type(value) in _SCALARS or isinstance(value, bool | int | float | str):
        return value
    items = getattr(value, "items", None)
    if isinstance(items, list):
        return frozenset(str(item) for item in items)
    return str(value)


_SCALARS = frozenset({bool, int, float, str})


def _sorted(values: dict[str, object]) -> Raw:
    return tuple(sorted(values.items()))


@dataclass(slots=True, frozen=True)
class _Gauge:
    """What measuring one target's branch distance takes, built once per process (a target is measured
    by many tasks, and building this for each cost more than a task's measures)."""

    #: the guard's distance as a function of (variables, counts), compiled
    measure: Callable[[dict[str, object], dict[str, int]], float]
    #: the memo key: the values of its inputs, read by one compiled function
    key: Callable[[dict[str, object], dict[str, int]], tuple[object, ...]]
    names: tuple[str, ...]  # the variables it reads
    nodes: tuple[str, ...]  # the read counts it reads (node ids)
    #: every input a term of the guard reads (what `confirm` asks whether it is settled)
    term_inputs: frozenset[str]
    #: distances by inputs: walks meet the same values again and again, task after task
    memo: dict[tuple[object, ...], float]

    @classmethod
    def of(cls, walker: Walker, target: str, expr: Any) -> _Gauge:
        gauges = _gauges(walker)
        gauge = gauges.get(target)
        if gauge is None:
            names, nodes = inputs_of(expr)
            gauge = gauges[target] = cls(compiled(expr), _key_reader(names, nodes), names, nodes,
                                         frozenset(term_inputs(expr)), {})
        return gauge

    def distance(self, raw: dict[str, object], counted: dict[str, int], memos: _Memos) -> float:
        """The guard's distance at these inputs, remembered (`_Compass.closer` does the same inline,
        over its targets' lists: it runs at most choice points)."""
        key = self.key(raw, counted)
        d = self.memo.get(key)
        if d is None:
            d = self.memo[key] = self.measure(raw, counted)
            memos.added()
        return d


def _gauges(walker: Walker) -> dict[str, _Gauge]:
    """Each target's gauge built so far in this process."""
    found: dict[str, _Gauge] = walker.cache.setdefault("guided.gauges", {})
    return found


class _Memos:
    """The distances the process remembers, over all targets, kept under `MEMO_ENTRIES` by forgetting
    them all when full (a story with thousands of targets would otherwise grow without bound)."""

    __slots__ = ("entries", "gauges")

    def __init__(self, gauges: dict[str, _Gauge]) -> None:
        self.gauges = gauges
        self.entries = 0

    @staticmethod
    def of(walker: Walker) -> _Memos:
        memos: _Memos | None = walker.cache.get("guided.memos")
        if memos is None:
            memos = walker.cache["guided.memos"] = _Memos(_gauges(walker))
        return memos

    def added(self) -> None:
        self.entries += 1
        if self.entries > MEMO_ENTRIES:
            for gauge in self.gauges.values():
                gauge.memo.clear()
            self.entries = 0


class _Compass:
    """A task's targets and how close a state is to each (see `branch_distance.py`).

    `closer` is cheap (the values the walk tracks, and a few visit counts); only a state it picks is
    saved, and `confirm` then checks with the state's knots that the target is still within reach and
    that no false term of its guard is settled. What a task keeps it also remembers, so one task does
    not keep the same improvement twice; a walk stops measuring a target it has gone past.

    **Only what may have moved is measured again.** A target's distance depends only on its inputs,
    and a state its front dominates stays dominated deeper in the walk at the same distance, so a
    target found dominated is measured again only once one of its variables was assigned (`moved`),
    one of its counts changed, or its front did; until then it would give no candidate. Most choice
    points move one or two inputs of a few of the round's targets, so this gives the same candidates
    as measuring every target each time, for a fraction of the work."""

    def __init__(self, walker: Walker, targets: tuple[tuple[str, Front], ...]) -> None:
        facts = walker.facts()
        guards = facts.guards
        self.ids = [t for t, *_ in targets] if guards is not None else []
        self.targets = bool(self.ids)
        self.best = [front for _, front in targets]
        self._guards = guards
        self._exprs = [guards.guard[t] for t in self.ids] if guards is not None else []
        gauges = [_Gauge.of(walker, t, expr) for t, expr in zip(self.ids, self._exprs, strict=True)]
        self._measures = [g.measure for g in gauges]
        self._keys = [g.key for g in gauges]
        self._term_inputs = [g.term_inputs for g in gauges]
        self._knots = [guards.knot[t] for t in self.ids] if guards is not None else []
        self._reach = facts.liveness.reach if facts.liveness is not None else None
        self.variables = frozenset(v for g in gauges for v in g.names)
        paths = walker.node_paths
        #: the visit counts guards read (node ids, and their runtime paths); those the coverage does not
        #: map are left undecided
        counts = [(node, paths[node]) for node in dict.fromkeys(n for g in gauges for n in g.nodes) if node in paths]
        self._count_nodes = tuple(node for node, _ in counts)
        self._count_paths = tuple(path for _, path in counts)
        self._counted: dict[str, int] = {}
        #: the counts `_counted` was made from, as read (None: none read yet)
        self._count_values: list[int] | None = None
        self._past: set[int] = set()
        self._memo = [g.memo for g in gauges]
        self._memos = _Memos.of(walker)
        #: per set of knots a kept state is in: what `_settled` says
        self._places: dict[frozenset[str], tuple[frozenset[str], Callable[[str], bool]]] = \
            walker.cache.setdefault("guided.places", {})
        #: the targets each variable and each count is an input of
        self._by_name: dict[str, list[int]] = {}
        self._by_node: dict[str, list[int]] = {}
        for i, g in enumerate(gauges):
            for name in g.names:
                self._by_name.setdefault(name, []).append(i)
            for node in g.nodes:
                self._by_node.setdefault(node, []).append(i)
        #: the targets to measure at the next choice point: any whose inputs may have moved since it
        #: was last found dominated (or unreachable by its values)
        self._stale: set[int] = set()

    @classmethod
    def of(cls, walker: Walker, targets: tuple[tuple[str, Front], ...]) -> _Compass:
        return cls(walker, targets)

    def begin(self) -> None:
        """A walk starts: every target is measured at its first choice point."""
        self._past.clear()
        self._stale = set(range(len(self.ids)))

    def moved(self, changed: dict[str, object], raw: dict[str, object], tracked: frozenset[str]) -> bool:
        """These variables were assigned since the last measure (perhaps to the same value): the walk's
        values distances read (`raw`, those in `tracked`) take them, and the targets reading them are
        measured again. Whether any of them is in `tracked`."""
        by_name, stale = self._by_name, self._stale
        moved = False
        for name, value in changed.items():
            if name in tracked:  # every input of a target is
                moved = True
                raw[name] = value if type(value) in _SCALARS else _plain(value)  # `_plain`'s common case
                targets = by_name.get(name)
                if targets is not None:
                    stale.update(targets)
        return moved

    def _better(self, i: int, d: float, depth: int) -> bool:
        return d < math.inf and not dominated(self.best[i], depth, d)

    def closer(self, walker: Walker, raw: dict[str, object], depth: int) -> list[tuple[int, float]]:
        """The targets this state may be closer to than any kept before (to be confirmed), each with
        the distance its values give."""
        counts = walker.engine.visit_counts(self._count_paths)
        stale = self._stale
        if counts != self._count_values:  # most choice points enter none of the nodes guards count
            before = self._counted
            counted = self._counted = dict(zip(self._count_nodes, counts, strict=True))
            self._count_values = counts
            by_node = self._by_node
            for node, n in counted.items():
                if before.get(node) != n:
                    stale.update(by_node[node])
        else:
            counted = self._counted
        out: list[tuple[int, float]] = []
        past, best, keys, memos, measures = self._past, self.best, self._keys, self._memo, self._measures
        for i in sorted(stale):
            if i in past:
                stale.discard(i)
                continue
            key = keys[i](raw, counted)
            memo = memos[i]
            d = memo.get(key)  # `_Gauge.distance`, inline
            if d is None:
                d = memo[key] = measures[i](raw, counted)
                self._memos.added()
            if d < _INF:
                for shallower, nearer in best[i]:  # `dominated`, inline: this runs at most choice points
                    if shallower <= depth and nearer <= d:
                        break
                else:
                    out.append((i, d))  # measured again next time: deeper, the front may dominate it
                    continue
            stale.discard(i)
        return out

    def confirm(self, candidates: list[tuple[int, float]], raw: dict[str, object], knots: frozenset[str],
                depth: int) -> tuple[tuple[str, float], ...]:
        assert self._guards is not None
        if self._reach is None:
            reachable: frozenset[str] | None = None
            fixed = Measured(raw, self._counted)
        else:
            reachable, settles_input = self._settled(knots)
            fixed = Measured(raw, self._counted, settles_input)
        settled = fixed.fixed
        out: list[tuple[str, float]] = []
        for i, measured in candidates:
            if reachable is not None and self._knots[i] not in reachable:
                self._past.add(i)  # out of reach now, so for the rest of this walk
                continue
            # only a settled input can make a false term final: with none, the distance is the one
            # `closer` measured (the compiled guard gives the tree's), and walking the tree is spared
            settles = settled is not None and any(map(settled, self._term_inputs[i]))
            d = distance(self._exprs[i], fixed) if settles else measured
            if d == math.inf:
                self._past.add(i)
                continue
            if self._better(i, d, depth):
                self.best[i] = admit(self.best[i], depth, d)
                self._stale.add(i)  # its front moved
                out.append((self.ids[i], d))
        return tuple(out)


    def _settled(self, knots: frozenset[str]) -> tuple[frozenset[str], Callable[[str], bool]]:
        """(the knots a state in `knots` can reach, whether an input is settled there), remembered per
        set of knots in this process: kept states are in few distinct places, and asking the guards
        whether an input is settled walks the knots writing it."""
        assert self._guards is not None and self._reach is not None
        places: dict[frozenset[str], tuple[frozenset[str], Callable[[str], bool]]] = self._places
        found = places.get(knots)
        if found is None:
            reachable = frozenset().union(*(self._reach.get(k, frozenset({k})) for k in knots))
            answer = self._guards.fixed(reachable)
            answers: dict[str, bool] = {}

            def settled(name: str) -> bool:
                known = answers.get(name)
                if known is None:
                    known = answers[name] = answer(name)
                return known

            if len(places) > 4096:
                places.clear()
            found = places[knots] = (reachable, settled)
        return found


class _Learner:
    """A learning walk's books (`cross_entropy.py`): it draws options by its target's preferences,
    counts what it was offered and chose, and measures how close it comes to its target.

    Its score must tell apart walks that started at the same distance, and what counts is the walk's
    state when it reaches the place its target is written, not the closest it ever was on the way (a
    bond lowered early and raised again before that place is no help). So it measures the target's
    distance at every choice point (from the values the walk tracks, its guard's visit counts, and the
    memo the compass shares) and reads the visit counts of the target's node and of the conditional
    branches the target is written inside: each time one of them is entered (its count rose since the
    last choice point), the nearer of the distances just before and just after is that place's
    distance (its condition was tested in between). The score is the distance at the innermost place
    entered, plus `LEVEL` for each place further in (a branch the walk did not enter: its guard does
    not name that condition, `{found_julian: … {bond_julian <= 0: …}}`); a walk that entered none is
    scored by its distance at its last choice point, `LEVEL` further for each place."""

    __slots__ = ("target", "prefer", "choices", "_gauge", "_memos", "_nodes", "_paths", "_places", "_counts",
                 "_last", "_best")

    def __init__(self, walker: Walker, target: str, places: tuple[str, ...], prefer: dict[str, float],
                 gauge: _Gauge) -> None:
        self.target = target
        self.prefer = prefer
        self.choices = Choices()
        self._gauge = gauge
        self._memos = _Memos.of(walker)
        paths = walker.node_paths
        self._nodes = tuple(n for n in gauge.nodes if n in paths)
        self._paths = (*(paths[n] for n in self._nodes), *places)
        self._places = len(places)
        self._counts: list[int] | None = None  # the places' visit counts at the last choice point
        self._last = _INF
        #: per place, the nearest the walk was when it entered it
        self._best = [_INF] * len(places)

    @staticmethod
    def of(walker: Walker, lessons: tuple[Lesson, ...], walk: _Walk,
           tracked: frozenset[str]) -> _Learner | None:
        """The books of a walk told to learn, or None when its target's guard reads a value the task
        does not track (a target outside the task's window: never planned so)."""
        guards = walker.facts().guards
        lesson = next((x for x in lessons if x[0] == walk.aim), None)
        if guards is None or lesson is None or not lesson[1]:
            return None
        target, places, prefer = lesson
        gauge = _Gauge.of(walker, target, guards.guard[target])
        if not tracked.issuperset(gauge.names):
            return None
        return _Learner(walker, target, places, dict(prefer), gauge)

    def measure(self, walker: Walker, raw: dict[str, object]) -> None:
        counts = walker.engine.visit_counts(self._paths)
        counted = dict(zip(self._nodes, counts, strict=False))
        d = self._gauge.distance(raw, counted, self._memos)
        here = counts[len(self._nodes):]
        before = self._counts
        if before is not None:
            best = self._best
            for i, n in enumerate(here):
                if n > before[i]:  # entered since the last choice point
                    best[i] = min(best[i], self._last, d)
        self._counts = here
        self._last = d

    def choose(self, walker: Walker, rng: random.Random) -> int:
        offered = walker.engine.choice_texts()
        index = cross_entropy.draw(rng, offered, self.prefer)
        self.choices.note(offered, index)
        return index

    def score(self, covered: bool) -> float:
        if covered:
            return -1.0
        places = self._places
        for i in range(places - 1, -1, -1):  # the innermost place entered
            if self._best[i] < _INF:
                return (places - 1 - i) * LEVEL + self._best[i]
        return places * LEVEL + self._last


def _places(walker: Walker) -> dict[str, tuple[str, ...]]:
    """Where each coverage id and ending (`e:`) is written, as runtime paths whose visit counts a walk
    reads: the node (knot or stitch), then the conditional branches it is written inside, outermost
    first (`{found_julian: … {bond_julian <= 0: …}}`: its guard leaves out what it is inside)."""
    graph, paths = walker.graph, walker.node_paths
    if graph is None:
        return {}
    nodes = {f"?{i}": b.node for i, b in enumerate(graph.branches)}
    nodes.update({f"*{i}": c.node for i, c in enumerate(graph.choices)})
    nodes.update({f"e:{e.id}": e.node for e in graph.endings})
    nodes.update({n: n for n in paths if not n.startswith(("?", "*"))})
    branches = {path for i, path in paths.items() if i.startswith("?")}
    out: dict[str, tuple[str, ...]] = {}
    for target, node in nodes.items():
        if node not in paths:
            continue
        own = paths.get(target, "") if target.startswith(("?", "*")) else ""
        parts = own.split(".")
        inside = [p for p in (".".join(parts[:k]) for k in range(1, len(parts))) if p in branches]
        out[target] = (paths[node], *inside)
    return out


def _key_reader(names: tuple[str, ...], nodes: tuple[str, ...]) -> Callable[[dict[str, object], dict[str, int]],
                                                                          tuple[object, ...]]:
    """A function giving a guard's memo key, (its variables' values, its read counts), compiled: built
    with a generator for each of a dozen targets at most choice points, the key cost more than the
    guard itself."""
    cells = [*(f"v.get({n!r})" for n in names), *(f"c.get({n!r})" for n in nodes)]
    reader: Callable[[dict[str, object], dict[str, int]], tuple[object, ...]] = eval(  # noqa: S307 - our own text
        f"lambda v, c: ({''.join(cell + ', ' for cell in cells)})")
    return reader


def _update(current: dict[str, str], changed: dict[str, object], specs: dict[str, StatSpec | None],
            buckets: dict[tuple[str, type, object], str], band: str) -> set[str]:
    """Fold the assignments the runtime reported into `current`; the `v:name=bucket` keys that changed,
    a declared stat's with `band` (how deep in the story) appended. `buckets` remembers the bucket of
    each plain value (`_buckets`)."""
    out = set()
    for name, value in changed.items():
        if name not in specs:  # watched for branch distances only
            continue
        spec = specs[name]
        if type(value) in _SCALARS:
            key = (name, type(value), value)
            b = buckets.get(key)
            if b is None:
                b = bucket(value, spec)
                if len(buckets) > 1 << 16:  # (NaNs never match, say)
                    buckets.clear()
                buckets[key] = b
        else:
            b = bucket(value, spec)
        if current.get(name) != b:
            current[name] = b
            out.add(f"v:{name}={b}" if spec is None else f"v:{name}={b}{band}")
    changed.clear()
    return out


def _buckets(walker: Walker) -> dict[tuple[str, type, object], str]:
    """The bucket of each (variable, type, value) met so far, in this process (the stat specs, which
    decide buckets, are the story's)."""
    found: dict[tuple[str, type, object], str] = walker.cache.setdefault("guided.buckets", {})
    return found


Front = tuple[tuple[int, float], ...]  # (depth, branch distance), deeper ones strictly closer


def dominated(front: Front, depth: int, d: float) -> bool:
    """Whether a state `depth` choices deep at distance `d` is no better than one on the front: as
    shallow or shallower (as much of the story left to fix what is missing) and as close."""
    return any(depth_ <= depth and d_ <= d for depth_, d_ in front)


def admit(front: Front, depth: int, d: float) -> Front:
    """The front with the state added and what it dominates dropped (at most FAVOURED: the shallowest
    go first)."""
    kept = [(x, y) for x, y in front if not (x >= depth and y >= d)]
    return tuple(sorted([*kept, (depth, d)]))[-FAVOURED:]


@dataclass(slots=True)
class _Aim:
    """The corpus entries closest to one missing target (by branch distance), as a Pareto front over
    depth: each is closer than every shallower one. Keeping only the closest would be a hill climb
    that can end too deep to finish (`trust >= 8` raised to 7 with one turn left); keeping the front,
    walks aimed at the target start from states with room left as well as from the closest ones."""

    front: Front
    keys: dict[int, int]  # depth -> corpus entry

    def distance(self) -> float:
        return self.front[-1][1]

    def add(self, key: int, depth: int, d: float) -> None:
        self.front = admit(self.front, depth, d)
        depths = {x for x, _ in self.front}
        self.keys = {x: k for x, k in self.keys.items() if x in depths}
        self.keys[depth] = key

    def drop(self, depth: int) -> None:
        """Forget the favoured state at `depth`."""
        self.front = tuple(p for p in self.front if p[0] != depth)
        del self.keys[depth]


class Guided(Strategy):
    patience = 400
    #: plan with a round's last 2 tasks still running (`Rounds`): they keep the workers busy meanwhile
    ahead = 2

    def __init__(self, walker: Walker, shard: tuple[int, int]) -> None:
        super().__init__(walker, shard)
        part, count = shard
        seed = walker.options.seed
        self._seed = seed if count == 1 else random.Random(f"{seed}:shard:{part}/{count}").randrange(1 << 62)
        self._corpus: dict[int, _Entry] = {0: _Entry(None, (), 0, 0, ())}
        self._next_id = 1
        self._round = 0
        #: the last round whose walks from the start found coverage nobody had
        self._root_found = 0
        self._walks = 0
        self._unknown: set[str] = set(walker.node_paths)
        self._values: set[str] = set()
        self._endings: set[str] = set()
        self._all_endings = {e.id for e in walker.graph.endings} if walker.graph is not None else set()
        self._weights: dict[int, float] = {}
        self._keys: list[int] = []
        self._cum: list[float] = []
        #: `_place` per set of knots, for the current `_targets`
        self._places: dict[frozenset[str], float] = {}
        self._steps = walker.options.walk_steps
        facts = walker.facts()
        self._reach = facts.liveness.reach if facts.liveness is not None else None
        self._where = facts.guards.knot if facts.guards is not None else {}
        self._targets: frozenset[str] = frozenset()
        #: per missing target: the closest states found so far
        self._best: dict[str, _Aim] = {}
        #: walks aimed at each target from its best entry
        self._aimed: dict[str, int] = {}
        #: per target aimed at LEARN_AFTER times: the preferences its aimed walks learnt
        self._lessons: dict[str, Preferences] = {}
        #: where each target is written (what a learning walk is scored by)
        self._places_of: dict[str, tuple[str, ...]] = _places(walker)
        # shards split the walks, so together they play --runs
        self._runs = walker.options.runs // count + (1 if part <= walker.options.runs % count else 0)

    # -- planning -----------------------------------------------------------------------------------
    def first(self) -> list[Task]:
        return self._plan()

    def after(self, payloads: list[Any]) -> list[Task]:
        for found in payloads:
            for item in found or ():
                if isinstance(item, _Scored):
                    self._score(item)
                else:
                    self._learn(item)
        self._trim()
        return self._plan()

    def finished(self, tally: Tally) -> str:
        return "runs"

    def _learn(self, item: _Found) -> None:
        coverage = {n for n in item.news if not n.startswith(("v:", "e:"))}
        values = {n for n in item.news if n.startswith("v:")}
        endings = {n[2:] for n in item.news if n.startswith("e:")}
        unknown = self._unknown
        covered = (coverage & unknown) | {f"e:{e}" for e in endings - self._endings}
        new = covered | (values - self._values)
        if covered and not item.entry:  # entry 0: the story's start
            self._root_found = self._round
        unknown -= coverage
        self._values |= values
        self._endings |= endings
        for done in [*coverage, *(f"e:{e}" for e in endings)]:
            self._best.pop(done, None)
        depth = len(item.path)
        closer = [(t, d) for t, d in item.closer if self._missing(t)
                  and (t not in self._best or not dominated(self._best[t].front, depth, d))]
        if not new and not closer:
            return
        entry = self._corpus.get(item.entry)
        if entry is not None:
            entry.finds += len(new)
            entry.barren = 0
        if item.packed is not None and item.count:
            key = self._next_id
            self._corpus[key] = _Entry(item.packed, item.path, item.seed, item.count, item.values, item.knots,
                                       item.raw, [0] * item.count, finds=len(new))
            self._next_id += 1
            for t, d in closer:
                aim = self._best.get(t)
                if aim is None:
                    self._best[t] = _Aim(((depth, d),), {depth: key})
                else:
                    aim.add(key, depth, d)

    def _score(self, item: _Scored) -> None:
        """A learning walk's outcome, in task order: its target's preferences move at each full batch
        (a covered target learns no more)."""
        if self._missing(item.target):
            self._lessons.setdefault(item.target, Preferences()).add(item.score, item.counts)

    def _missing(self, target: str) -> bool:
        return target[2:] not in self._endings if target.startswith("e:") else target in self._unknown

    def _trim(self) -> None:
        if len(self._corpus) <= MAX_CORPUS:
            return
        favoured = {key for aim in self._best.values() for key in aim.keys.values()}
        ranked = sorted((k for k in self._corpus if k and k not in favoured),
                        key=lambda k: (0 in self._corpus[k].tried,
                                                                   self._corpus[k].energy(), k))
        for k in ranked[:len(self._corpus) - MAX_CORPUS]:
            del self._corpus[k]

    def _plan(self) -> list[Task]:
        left = self._runs - self._walks
        if left <= 0:
            return []
        rng = random.Random(f"{self._seed}:round:{self._round}")
        self._round += 1
        missing = [*self._unknown, *(f"e:{e}" for e in self._all_endings - self._endings)]
        knots = frozenset(self._where[i] for i in missing if i in self._where)
        if knots != self._targets:
            self._targets, self._places = knots, {}
        self._weights = {k: self._weight(k) for k in self._corpus}
        # the round's picks all draw from these (the corpus does not change while a round is planned):
        # cumulated once, not at each of its 64 picks (what `rng.choices` does with plain weights)
        self._keys = list(self._corpus)
        self._cum = list(itertools.accumulate(self._weights[k] for k in self._keys))
        self._forget()
        aims = sorted(self._best)
        aim_weights = [1.0 / ((0.25 + self._best[t].distance()) * (1.0 + self._aimed.get(t, 0) / 4.0)) for t in aims]
        wanted = min(left, TASKS_PER_ROUND * WALKS_PER_TASK)
        targets = self._window(sorted(missing))
        # a walk learns only if its task measures its target (the window), which it is scored by
        measured = frozenset(t for t, _ in targets)
        walks = [self._pick(rng, aims, aim_weights, measured) for _ in range(wanted)]
        self._walks += wanted
        unknown = tuple(sorted(self._unknown))
        values = frozenset(self._values)
        endings = frozenset(self._endings)
        tasks: list[Task] = []
        for i in range(0, len(walks), WALKS_PER_TASK):
            part = tuple(walks[i:i + WALKS_PER_TASK])
            learning = sorted({w.aim for w in part if w.learn and w.aim is not None})
            lessons = tuple((t, self._places_of[t], self._lessons[t].sent if t in self._lessons else ())
                            for t in learning)
            tasks.append(Walks(part, unknown, values, endings, self._steps, targets, lessons))
        return tasks

    def _forget(self) -> None:
        """Take the favoured states whose last FORGET_AFTER aimed walks brought nothing off their fronts
        (a target left with none is aimed at again once a walk comes near it). Over 16 seeds of the
        bundled story this leaves the quick searches as they were and cuts the slow ones (see
        docs/testing.md); sooner (150, 300 walks) made the typical search slower."""
        if not FORGET_AFTER:
            return
        for target in sorted(self._best):
            aim = self._best[target]
            for depth, key in sorted(aim.keys.items()):
                if self._corpus[key].barren >= FORGET_AFTER:
                    aim.drop(depth)
            if not aim.front:
                del self._best[target]

    def _window(self, missing: list[str]) -> tuple[tuple[str, Front], ...]:
        """The round's targets: a window over the missing ids that moves every round, so each is
        measured in turn, and every round once few are left."""
        missing = [t for t in missing if t in self._where]
        if not missing:
            return ()
        start = (self._round - 1) * TARGETS_PER_ROUND % len(missing)
        picked = (missing + missing)[start:start + min(TARGETS_PER_ROUND, len(missing))]
        return tuple((t, self._best[t].front if t in self._best else ()) for t in picked)

    def _weight(self, key: int) -> float:
        """How much of the round a corpus entry deserves: its energy, its depth (later states are
        where the hard-to-reach branches wait), and whether it can still reach something missing
        (in a knot with something uncovered, or before one)."""
        if not key:
            return 0.0
        entry = self._corpus[key]
        weight = entry.energy() * (1.0 + len(entry.path) / 10.0)
        if self._reach is None or not self._targets or not entry.knots:
            return weight
        return weight * self._place(entry.knots)

    def _place(self, knots: frozenset[str]) -> float:
        """How a state in `knots` stands to the missing targets' knots (in one: 6, before one: 3,
        past them all: 0.3), remembered per set of knots while the targets stay the same: the corpus
        holds up to 1,500 states in a few dozen places, weighed at every plan."""
        factor = self._places.get(knots)
        if factor is None:
            targets, reach = self._targets, self._reach
            assert reach is not None, "weighed by place only when the story's liveness is known (`_weight`)"
            if knots & targets:
                factor = 6.0
            elif any(reach.get(k, frozenset()) & targets for k in knots):
                factor = 3.0
            else:
                factor = 0.3
            self._places[knots] = factor
        return factor

    def _pick(self, rng: random.Random, aims: list[str], aim_weights: list[float],
              measured: frozenset[str]) -> _Walk:
        corpus = self._corpus
        keys = self._keys  # weighed by energy and depth (`_weight`): the round's `_cum`
        # a share of fresh walks from the start keeps the breadth random walks have; a share starts
        # from the state closest to a missing target (nearer ones more often, each less as it is tried)
        draw = rng.random()
        first: int | None = None
        root = ROOT_SHARE if self._round - self._root_found <= DRY_ROUNDS else ROOT_SHARE_DRY
        if draw < root or len(keys) == 1:
            key = 0
        elif draw < ROOT_SHARE + DIRECTED_SHARE and aims:  # what the start no longer gets is aimed
            aim = rng.choices(aims, aim_weights)[0]
            self._aimed[aim] = aimed = self._aimed.get(aim, 0) + 1
            # a target that resisted LEARN_AFTER aimed walks: its walks learn which options to prefer
            learn = bool(LEARN_AFTER) and aimed > LEARN_AFTER and aim in measured and aim in self._places_of
            if learn and rng.random() < LEARN_FROM_START:
                # from the start, the walk can learn what its favoured states decided before them
                start = corpus[0]
                start.walks += 1
                return _Walk(0, None, (), 0, None, rng.randrange(1 << 62), (), (), aim=aim, learn=True)
            # the closest states most often, those with more of the story left to play sometimes
            front = self._best[aim].front
            depth = rng.choices([x for x, _ in front], [1.0 / (0.1 + d) for _, d in front])[0]
            key = self._best[aim].keys[depth]
            entry = corpus[key]
            entry.walks += 1
            entry.barren += 1
            return _Walk(key, entry.packed, entry.path, entry.seed, None, rng.randrange(1 << 62), entry.values,
                         entry.raw, aim=aim, learn=learn)
        else:
            key = rng.choices(keys, cum_weights=self._cum)[0]
        entry = corpus[key]
        entry.walks += 1
        if entry.count:
            untried = entry.untried()
            first = rng.choice(untried) if untried else min(range(entry.count),
                                                            key=lambda i: (entry.tried[i], rng.random()))
            entry.tried[first] += 1
        return _Walk(key, entry.packed, entry.path, entry.seed, first, rng.randrange(1 << 62), entry.values,
                     entry.raw)

