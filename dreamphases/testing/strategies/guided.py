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
  when there is news is the walk played again from its start to find the step it came at.

Determinism: the round's tasks are planned from the corpus and what earlier rounds found, merged in
task order, with an RNG seeded from (seed, round); a task's walks depend only on the task. So the
search is the same for a seed whatever `--jobs`. Shards run independent searches with seeds derived
from (seed, shard): merging them unites what each found (see docs/testing.md).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from dreamphases.statspec import StatSpec
from dreamphases.testing.explorer import Tally, Walker
from dreamphases.testing.pool import Trail
from dreamphases.testing.story_facts import StoryFacts, bucket
from dreamphases.testing.strategies.base import Strategy, Task

__all__ = ["Guided"]

TASKS_PER_ROUND = 8
WALKS_PER_TASK = 8
#: entries kept at most; beyond it the least promising are dropped (memory stays flat)
MAX_CORPUS = 1500
#: a declared stat's value is news again this many choices deeper into the story (a bond high in the
#: last act is not the same find as in the first); other variables' values are news once
DEPTH_BAND = 10
#: the share of walks that start from the beginning with a fresh story seed
ROOT_SHARE = 0.3
#: states a single walk may add to the corpus
MAX_ADDS_PER_WALK = 4


Values = tuple[tuple[str, str], ...]  # the watched variables' buckets at a state


@dataclass(slots=True)
class _Entry:
    packed: bytes | None  # None: the story's start, with a fresh story seed per walk
    path: tuple[int, ...]
    seed: int
    count: int  # choices offered here
    values: Values
    knots: frozenset[str] = frozenset()  # where the state is (its call stacks and pending choices)
    tried: list[int] = field(default_factory=list)  # walks begun with each choice
    walks: int = 0
    finds: int = 0

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


@dataclass(slots=True)
class Walks(Task):
    walks: tuple[_Walk, ...]
    unknown: tuple[str, ...]  # coverage ids nobody had seen when the round was planned
    known_values: frozenset[str]
    known_endings: frozenset[str]
    steps: int
    #: runtime paths of `unknown`: where visits are counted, and the counts saved states keep
    _counting: set[str] = field(default_factory=set)

    def run(self, walker: Walker, trail: Trail, skip: frozenset[int]) -> tuple[Tally, Any]:
        tally = Tally()
        found: list[_Found] = []
        unknown = set(self.unknown)
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
             unknown: set[str]) -> list[_Found]:
        facts: StoryFacts = walker.facts()
        specs = dict(facts.signals)
        changed = walker.watch(specs)
        rng = random.Random(walk.rng)
        current = dict(walk.values if walk.packed is not None else _initial(walker, specs))
        trail.begin(unit, walk.seed, walk.path)
        seed, count = self._start(walker, walk, tally, rng, changed)
        if walk.packed is None:
            trail.begin(unit, seed, ())
        tally.walks += 1
        path = list(walk.path)
        known = self.known_values
        seen: set[str] = set()
        found: list[_Found] = []
        taken: list[int] = []
        max_steps = walker.options.max_steps
        # a walk from the start is a plain random walk, played to the end as random walks are; walks
        # from corpus states are short, so effort goes back to the corpus soon
        steps = self.steps if walk.packed is not None else max_steps
        while True:
            if changed:
                band = f"@{len(path) // DEPTH_BAND}"
                news = {n + band if specs.get(n[2:n.index("=")]) is not None else n
                        for n in _update(current, changed, specs)}
                news = {n for n in news if n not in known and n not in seen}
                if news:
                    seen |= news
                    if count and len(found) < MAX_ADDS_PER_WALK:
                        packed, knots = walker.save_lean(self._counting)
                        found.append(_Found(walk.entry, frozenset(news), packed, tuple(path), seed,
                                            count, tuple(sorted(current.items())), knots))
                    else:
                        found.append(_Found(walk.entry, frozenset(news)))
            if not count or steps <= 0:
                break
            if len(path) >= max_steps:
                tally.truncated += 1
                break
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
        if covered:
            tally.visited |= covered
            unknown -= covered
            found += self._locate(walker, walk, seed, taken, covered, len(found), changed, specs)
        return found

    def _locate(self, walker: Walker, walk: _Walk, seed: int, taken: list[int], covered: set[str],
                already: int, changed: dict[str, object], specs: dict[str, StatSpec | None]) -> list[_Found]:
        """Play the walk again from its start to find the steps at which `covered` was first seen."""
        scratch = Tally()
        if walk.packed is None:
            current = dict(_initial(walker, specs))
            changed.clear()
            walker.start(seed)
            walker.settle(scratch, (), seed)
        else:
            changed.clear()
            walker.load(walk.packed)
            current = dict(walk.values)
        path = list(walk.path)
        left = set(covered)
        out: list[_Found] = []
        here = walker.seen(left)
        if here:  # seen before the first choice (a walk from the start)
            left -= here
            out.append(_Found(walk.entry, frozenset(here)))
        for index in taken:
            if not left:
                break
            path.append(index)
            walker.choose(index)
            count = walker.settle(scratch, tuple(path), seed)
            if changed:
                _update(current, changed, specs)
            here = walker.seen(left)
            if not here:
                continue
            left -= here
            if count and already + len(out) < MAX_ADDS_PER_WALK:
                packed, knots = walker.save_lean(self._counting)
                out.append(_Found(walk.entry, frozenset(here), packed, tuple(path), seed, count,
                                  tuple(sorted(current.items())), knots))
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


def _update(current: dict[str, str], changed: dict[str, object], specs: dict[str, StatSpec | None]) -> set[str]:
    """Fold the assignments the runtime reported into `current`; the `v:name=bucket` keys that changed."""
    out = set()
    for name, value in changed.items():
        b = bucket(value, specs.get(name))
        if current.get(name) != b:
            current[name] = b
            out.add(f"v:{name}={b}")
    changed.clear()
    return out


class Guided(Strategy):
    patience = 400

    def __init__(self, walker: Walker, shard: tuple[int, int]) -> None:
        super().__init__(walker, shard)
        part, count = shard
        seed = walker.options.seed
        self._seed = seed if count == 1 else random.Random(f"{seed}:shard:{part}/{count}").randrange(1 << 62)
        self._corpus: dict[int, _Entry] = {0: _Entry(None, (), 0, 0, ())}
        self._next_id = 1
        self._round = 0
        self._walks = 0
        self._unknown: set[str] = set(walker.node_paths)
        self._values: set[str] = set()
        self._endings: set[str] = set()
        self._all_endings = {e.id for e in walker.graph.endings} if walker.graph is not None else set()
        self._weights: dict[int, float] = {}
        self._steps = walker.options.walk_steps
        facts = walker.facts()
        self._reach = facts.liveness.reach if facts.liveness is not None else None
        self._where = _where(walker)
        self._targets: frozenset[str] = frozenset()
        # shards split the walks, so together they play --runs
        self._runs = walker.options.runs // count + (1 if part <= walker.options.runs % count else 0)

    # -- planning -----------------------------------------------------------------------------------
    def first(self) -> list[Task]:
        return self._plan()

    def after(self, payloads: list[Any]) -> list[Task]:
        for found in payloads:
            for item in found or ():
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
        new = (coverage & unknown) | (values - self._values) | {f"e:{e}" for e in endings - self._endings}
        if not new:
            return
        unknown -= coverage
        self._values |= values
        self._endings |= endings
        entry = self._corpus.get(item.entry)
        if entry is not None:
            entry.finds += len(new)
        if item.packed is not None and item.count:
            self._corpus[self._next_id] = _Entry(item.packed, item.path, item.seed, item.count,
                                                 item.values, item.knots, [0] * item.count, finds=len(new))
            self._next_id += 1

    def _trim(self) -> None:
        if len(self._corpus) <= MAX_CORPUS:
            return
        ranked = sorted((k for k in self._corpus if k), key=lambda k: (bool(self._corpus[k].untried()),
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
        self._targets = frozenset(self._where[i] for i in missing if i in self._where)
        self._weights = {k: self._weight(k) for k in self._corpus}
        wanted = min(left, TASKS_PER_ROUND * WALKS_PER_TASK)
        walks = [self._pick(rng) for _ in range(wanted)]
        self._walks += wanted
        unknown = tuple(sorted(self._unknown))
        values = frozenset(self._values)
        endings = frozenset(self._endings)
        return [Walks(tuple(walks[i:i + WALKS_PER_TASK]), unknown, values, endings, self._steps)
                for i in range(0, len(walks), WALKS_PER_TASK)]

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
        if entry.knots & self._targets:
            return weight * 6.0
        if any(self._reach.get(k, frozenset()) & self._targets for k in entry.knots):
            return weight * 3.0
        return weight * 0.3

    def _pick(self, rng: random.Random) -> _Walk:
        corpus = self._corpus
        keys = list(corpus)
        # energy, and depth: later states are where the hard-to-reach branches wait
        weights = [self._weights[k] for k in keys]
        # a share of fresh walks from the start keeps the breadth random walks have
        key = 0 if rng.random() < ROOT_SHARE or len(keys) == 1 else rng.choices(keys, weights)[0]
        entry = corpus[key]
        entry.walks += 1
        first: int | None = None
        if entry.count:
            untried = entry.untried()
            first = rng.choice(untried) if untried else min(range(entry.count),
                                                            key=lambda i: (entry.tried[i], rng.random()))
            entry.tried[first] += 1
        return _Walk(key, entry.packed, entry.path, entry.seed, first, rng.randrange(1 << 62), entry.values)


def _where(walker: Walker) -> dict[str, str]:
    """The knot each coverage id (and each declared ending, as `e:<id>`) is written in."""
    graph = walker.graph
    if graph is None:
        return {}
    out: dict[str, str] = {}
    for coverage_id in walker.node_paths:
        if coverage_id.startswith("?"):
            node = graph.branches[int(coverage_id[1:])].node
        elif coverage_id.startswith("*"):
            node = graph.choices[int(coverage_id[1:])].node
        else:
            node = coverage_id
        out[coverage_id] = node.split(".", 1)[0]
    for ending in graph.endings:
        out[f"e:{ending.id}"] = ending.node.split(".", 1)[0]
    return out
