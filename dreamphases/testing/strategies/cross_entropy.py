"""Aimed walks that learn which options to prefer: the cross-entropy method of rare-event simulation.

A target whose guard is a conjunction of stats decided in different acts resists the guided search's
fronts: its favoured states stay shallow (a deeper state at the same distance is dominated), and the
walks aimed from them choose uniformly, so they are random walks from a shallow state and the target
falls at random walks' rate. The cross-entropy method turns such a search into a sequence of easier
ones: walks drawn from a distribution over options are scored, the best of them (the *elite*) say
which options to prefer, the distribution moves toward what the elite chose, and the next walks are
drawn from it, so each batch's elite is better than the last until the rare event is common.

Here the distribution is a preference per option text, per target (bink gives a choice's text, not
its place; a text offered at several places is one option to the learner: accepted). A walk aimed
at a target that learns draws each option with a weight of its text's preference (1 / the options on
offer for a text never learnt), or uniformly some of the time so it keeps exploring; it counts, per
text, how often it was offered and chosen, and is scored by how close it came to its target
(`Walks` in `guided.py` measures it). The parent collects the scored walks of each target in task
order and, every `BATCH` of them, moves the preferences toward the elite's choices (`Preferences`):
planning stays in the parent and draws come from the walk's own generator, so the search is the
same for a seed whatever `--jobs`.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

__all__ = ["BATCH", "ELITE", "EXPLORE", "SMOOTHING", "Choices", "Preferences", "draw"]

#: scored walks per update of a target's preferences (the method's sample size)
BATCH = 16
#: the elite's share of a batch: the walks that came closest (ties at the threshold: `Preferences.add`)
ELITE = 0.2
#: how far one update moves a preference toward the elite's frequency (the method's smoothing alpha):
#: a preference moves over several batches, so one lucky batch does not fix the walks for good
SMOOTHING = 0.5
#: the chance a learning walk draws an option uniformly instead of by preference
EXPLORE = 0.1

#: per option text, (times offered, times chosen, sum of 1 / the options on offer each time): what a
#: walk reports, and what a batch's elite adds up
Counts = tuple[tuple[str, int, int, float], ...]


@dataclass(slots=True)
class Choices:
    """What one learning walk offered and chose, per option text."""

    counts: dict[str, list[float]] = field(default_factory=dict)

    def note(self, offered: list[str], chosen: int) -> None:
        share = 1.0 / len(offered)
        counts = self.counts
        for text in offered:
            cell = counts.get(text)
            if cell is None:
                cell = counts[text] = [0.0, 0.0, 0.0]
            cell[0] += 1
            cell[2] += share
        counts[offered[chosen]][1] += 1

    def packed(self) -> Counts:
        return tuple(sorted((t, int(c[0]), int(c[1]), c[2]) for t, c in self.counts.items()))


def draw(rng: random.Random, offered: list[str], prefer: dict[str, float]) -> int:
    """An option by preference (a text never learnt weighs 1 / the options on offer), or uniformly with
    chance `EXPLORE`, from the walk's own generator."""
    count = len(offered)
    if not prefer or rng.random() < EXPLORE:
        return rng.randrange(count)
    uniform = 1.0 / count
    weights = [prefer.get(text, uniform) for text in offered]
    total = sum(weights)
    if total <= 0.0:
        return rng.randrange(count)
    pick = rng.random() * total
    for index, weight in enumerate(weights):
        pick -= weight
        if pick < 0.0:
            return index
    return count - 1


@dataclass(slots=True)
class Preferences:
    """One target's preferences over option texts, learnt from its scored walks (lower is better)."""

    prefer: dict[str, float] = field(default_factory=dict)
    batch: list[tuple[float, Counts]] = field(default_factory=list)
    updates: int = 0
    #: `prefer` as sent to tasks (sorted, so tasks hash the same in every process), made once an update
    sent: tuple[tuple[str, float], ...] = ()

    def add(self, score: float, counts: Counts) -> bool:
        """Take a walk's score and counts; at a full batch, update. Whether the preferences moved."""
        self.batch.append((score, counts))
        if len(self.batch) < BATCH:
            return False
        batch, self.batch = self.batch, []
        scores = sorted(s for s, _ in batch)
        threshold = scores[max(1, math.ceil(ELITE * len(scores))) - 1]
        # the walks strictly better than the threshold; when the best are all tied at it, those tied,
        # unless the whole batch is (a flat score says nothing about which options helped)
        elite = [c for s, c in batch if s < threshold]
        if not elite and threshold < scores[-1]:
            elite = [c for s, c in batch if s <= threshold]
        if not elite:
            return False
        offered: dict[str, list[float]] = {}
        for counts in elite:
            for text, times, chosen, share in counts:
                cell = offered.get(text)
                if cell is None:
                    offered[text] = [float(times), float(chosen), share]
                else:
                    cell[0] += times
                    cell[1] += chosen
                    cell[2] += share
        prefer = self.prefer
        for text, (offers, picks, shares) in offered.items():
            # a text not learnt yet starts from what uniform draws gave it
            before = prefer.get(text, shares / offers)
            prefer[text] = SMOOTHING * (picks / offers) + (1.0 - SMOOTHING) * before
        self.updates += 1
        self.sent = tuple(sorted(prefer.items()))
        return True
