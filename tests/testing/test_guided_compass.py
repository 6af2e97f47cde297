"""The guided search's compass measures only the targets whose inputs may have moved (`_Compass`):
it must pick exactly the candidates that measuring every target at every choice point picks, and
read the visit counts the runtime holds."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path
from typing import Any

import pytest

from dreamphases.compiler import expr_tree as T
from dreamphases.testing.branch_distance import Guards
from dreamphases.testing.explorer import ExploreOptions, Walker
from dreamphases.testing.pool import Trail
from dreamphases.testing.story import load_story
from dreamphases.testing.story_facts import MAX_SIGNALS
from dreamphases.testing.strategies import make_strategy
from dreamphases.testing.strategies.base import Strategy, Task
from dreamphases.testing.strategies.guided import Walks, _Compass, dominated
from tests.testing.support import STORIES

BUNDLED = Path(__file__).resolve().parents[2] / "story" / "dreamphases.ink"


def _search(story: Path, seed: int, rounds: int) -> None:
    """`rounds` rounds of the guided search on `story`, its tasks played in this process."""
    loaded = load_story(story)
    walker = Walker(loaded.json_text, loaded.graph, ExploreOptions(mode="guided", runs=1 << 20, seed=seed))
    strategy = make_strategy(walker, (1, 1))
    player = walker.for_worker(strategy.uses_facts)()
    tasks = strategy.first()
    for _ in range(rounds):
        payloads: list[Any] = [task.run(player, Trail(), frozenset())[1] for task in tasks]
        tasks = strategy.after(payloads)


def _every_target(compass: _Compass, walker: Walker, raw: dict[str, object], depth: int) -> list[tuple[int, float]]:
    """What `closer` gives when every target not gone past is measured afresh, counts read one by one."""
    counted = {node: walker.engine.story.get_visit_count_at_path_string(path)
               for node, path in zip(compass._count_nodes, compass._count_paths, strict=True)}
    out = []
    for i in range(len(compass.ids)):
        if i in compass._past:
            continue
        d = compass._measures[i](raw, counted)
        if d < math.inf and not dominated(compass.best[i], depth, d):
            out.append((i, d))
    return out


@pytest.mark.parametrize(("story", "seed", "rounds"), [(BUNDLED, 1, 6), (BUNDLED, 2, 4), (STORIES / "vault.ink", 3, 6)])
def test_the_compass_picks_what_measuring_every_target_picks(monkeypatch: pytest.MonkeyPatch, story: Path, seed: int,
                                                            rounds: int) -> None:
    measured = {"choice points": 0, "candidates": 0}
    closer = _Compass.closer

    def checked(self: _Compass, walker: Walker, raw: dict[str, object], depth: int) -> list[tuple[int, float]]:
        expected = _every_target(self, walker, raw, depth)
        got = closer(self, walker, raw, depth)
        assert got == expected
        measured["choice points"] += 1
        measured["candidates"] += len(got)
        return got

    monkeypatch.setattr(_Compass, "closer", checked)
    _search(story, seed, rounds)
    assert measured["choice points"] > 100 and measured["candidates"] > 10


def test_a_remembered_bucket_tells_true_from_one_and_a_stat_gets_its_band() -> None:
    # `_update` remembers each plain value's bucket per process; True == 1 in a dict, not as a bucket
    from dreamphases.statspec import StatSpec
    from dreamphases.testing.story_facts import bucket
    from dreamphases.testing.strategies.guided import _update

    spec = StatSpec(var="trust", label="Trust", low=0, high=10)
    specs = {"flag": None, "trust": spec}
    buckets: dict[tuple[str, type, object], str] = {}
    current: dict[str, str] = {}
    seen = []
    for flag, trust in [(True, 3), (1, 3), (False, 7.5), (0, 12), (True, 3)]:
        news = _update(current, {"flag": flag, "trust": trust}, specs, buckets, "@2")
        seen.append(news)
        assert current == {"flag": bucket(flag, None), "trust": bucket(trust, spec)}
    assert seen[0] == {"v:flag=True", "v:trust=3@2"}
    assert seen[1] == {"v:flag=1"} and seen[3] == {"v:flag=0", "v:trust=>@2"}


def test_what_confirm_remembers_per_place_is_what_the_guards_say_there(monkeypatch: pytest.MonkeyPatch) -> None:
    # `_settled` remembers, per set of knots a kept state is in, what it can reach and which inputs are
    # settled there: every answer must be the guards' own, however often the place comes back
    asked = {"places": 0, "inputs": 0}
    settled = _Compass._settled

    def checked(self: _Compass, knots: frozenset[str]) -> Any:
        reachable, answer = settled(self, knots)
        assert self._reach is not None and self._guards is not None
        assert reachable == frozenset().union(*(self._reach.get(k, frozenset({k})) for k in knots))
        truth = self._guards.fixed(reachable)
        for inputs in self._term_inputs:
            for name in inputs:
                assert answer(name) == truth(name)
                asked["inputs"] += 1
        asked["places"] += 1
        return reachable, answer

    monkeypatch.setattr(_Compass, "_settled", checked)
    _search(BUNDLED, 1, 4)
    assert asked["places"] > 20 and asked["inputs"] > 100


def _fresh_and_seasoned(story: Path, seed: int) -> tuple[Strategy, list[Walks], Walker, Walker, Guards]:
    """The guided search on `story`, its first round's tasks, a worker that has played nothing, one that
    has first played a task aiming at every target (so it watches every variable any guard reads from
    then on), and the guards."""
    loaded = load_story(story)
    walker = Walker(loaded.json_text, loaded.graph, ExploreOptions(mode="guided", runs=1 << 20, seed=seed))
    strategy = make_strategy(walker, (1, 1))
    fresh = walker.for_worker(strategy.uses_facts)()
    seasoned = walker.for_worker(strategy.uses_facts)()
    guards = fresh.facts().guards
    assert guards is not None
    tasks = [task for task in strategy.first() if isinstance(task, Walks)]
    everything = dataclasses.replace(tasks[0], targets=tuple((t, ()) for t in sorted(guards.guard)))
    everything.run(seasoned, Trail(), frozenset())
    return strategy, tasks, fresh, seasoned, guards


def test_a_task_keeps_the_same_states_whatever_its_worker_played_before() -> None:
    """A worker keeps watching the variables earlier tasks' targets read; the states a task keeps must
    not carry their values, or the search would depend on which worker played which task (--jobs)."""
    strategy, first, fresh, seasoned, _ = _fresh_and_seasoned(BUNDLED, 2)
    tasks: list[Task] = list(first)
    for _ in range(2):
        payloads: list[Any] = []
        for task in tasks:
            alone, after = task.run(fresh, Trail(), frozenset())[1], task.run(seasoned, Trail(), frozenset())[1]
            assert [found.raw for found in after] == [found.raw for found in alone]
            assert after == alone
            payloads.append(alone)
        tasks = strategy.after(payloads)


#: `noise` moves at every choice point and only one guard reads it; the other reads a visit count. The
#: fillers, read first, fill the variables the search watches for their values (`MAX_SIGNALS`), so
#: only a task whose targets read `noise` watches it
_FILLERS = [f"f{i}" for i in range(MAX_SIGNALS)]
_NOISY = "".join(f"VAR {name} = 0\n" for name in _FILLERS) + f"""\
VAR noise = 0
-> loop
=== loop ===
~ noise = noise + 1
{{ noise > 100000: Never. }}
{{ room > 3: You know this room well. }}
+ {{{" + ".join(_FILLERS)} == 0}} [Room] -> room
+ [Hall] -> hall
+ [Leave] -> END
=== room ===
In the room.
-> loop
=== hall ===
In the hall.
-> loop
"""


def test_when_a_task_measures_does_not_depend_on_what_its_worker_watched_before(tmp_path: Path) -> None:
    """A worker keeps watching the variables earlier tasks' targets read. That one of them moved must
    not make a later task measure its own targets at a choice point it would otherwise pass by, or the
    states it keeps would depend on which worker played which task (--jobs)."""
    story = tmp_path / "noisy.ink"
    story.write_text(_NOISY)
    _, tasks, fresh, seasoned, guards = _fresh_and_seasoned(story, 5)
    branches = [t for t in guards.guard if t.startswith("?")]
    counted = [t for t in branches if "noise" not in T.variables_read(guards.guard[t])]
    assert len(counted) == 1 and len(branches) == 2
    assert "noise" not in dict(fresh.facts().signals)
    task = tasks[0]
    # the same task on both: its only target reads no variable, so only visit counts move its distance
    aimed = dataclasses.replace(task, targets=((counted[0], ()),))
    alone = aimed.run(fresh, Trail(), frozenset())[1]
    after = aimed.run(seasoned, Trail(), frozenset())[1]
    assert any(found.closer for found in alone)
    assert after == alone


def test_a_favoured_state_whose_aimed_walks_bring_nothing_leaves_its_fronts(monkeypatch: pytest.MonkeyPatch) -> None:
    """A state on a target's front that `FORGET_AFTER` aimed walks have not brought closer (nor to
    anything new) may lie past a point of no return its guard cannot see: it leaves the front, so
    states from other lineages can take its place; a state whose walks bring something is kept."""
    from dreamphases.testing.strategies import guided

    monkeypatch.setattr(guided, "FORGET_AFTER", 5)
    loaded = load_story(BUNDLED)
    walker = Walker(loaded.json_text, loaded.graph, ExploreOptions(mode="guided", runs=1 << 20, seed=1))
    strategy = make_strategy(walker, (1, 1))
    assert isinstance(strategy, guided.Guided)
    player = walker.for_worker(strategy.uses_facts)()
    tasks = strategy.first()
    for _ in range(3):
        tasks = strategy.after([task.run(player, Trail(), frozenset())[1] for task in tasks])
    target, aim = next((t, a) for t, a in sorted(strategy._best.items()) if len(a.keys) >= 2)
    (gone_depth, gone), (kept_depth, kept) = sorted(aim.keys.items())[:2]
    corpus = strategy._corpus
    corpus[gone].barren = corpus[kept].barren = 4
    strategy._forget()
    assert aim.keys[gone_depth] == gone and aim.keys[kept_depth] == kept  # 4 barren walks: not yet
    corpus[gone].barren = corpus[kept].barren = 5
    # a walk from `kept` comes closer to a target (a state one choice deeper, at distance 0)
    entry = corpus[kept]
    strategy._learn(guided._Found(kept, frozenset(), entry.packed, (*entry.path, 0), entry.seed, entry.count,
                                  entry.values, entry.knots, entry.raw, ((target, 0.0),)))
    assert corpus[kept].barren == 0
    strategy._forget()
    assert gone_depth not in aim.keys and all(depth != gone_depth for depth, _ in aim.front)
    assert gone not in {key for a in strategy._best.values() for key in a.keys.values()}
    assert kept in {key for a in strategy._best.values() for key in a.keys.values()}
