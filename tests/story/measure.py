"""How long one playthrough reads: seeded random walks, words per walk and per act.

The story issue wants one playthrough to read 4,000–8,000 words. This prints the spread over
uniform random walkers (the reference) and over stat-chasing ones, with the acts that carry the
words, so an edit's effect on reading length is a number rather than a guess:

    python -m tests.story.measure [RUNS] [--by-act]

It is a measuring tool for editors, not a test: lengths are a writing target, not a correctness
property, so no test asserts them.
"""

from __future__ import annotations

import random
import statistics
import sys
from collections import defaultdict

from tests.story.storyrun import ENDINGS, Run, new_engine, random_walk


def words(text: str) -> int:
    return len(text.split())


def walk_words(run: Run) -> int:
    return sum(words(text) for text, _tags in run.lines)


def act_of(knot: str) -> str:
    """`act4`, `a4_kitchen.x` -> `act4`; the shared glitch tunnel counts on its own."""
    head = knot.split(".", 1)[0]
    if head.startswith("act"):
        return head
    if len(head) > 2 and head[0] == "a" and head[1].isdigit() and head[2] == "_":
        return f"act{head[1]}"
    return head or "start"


def percentile(values: list[int], q: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def summary(label: str, lengths: list[int]) -> str:
    return (
        f"{label:<10} n={len(lengths):<4} median {int(statistics.median(lengths)):>6,}  "
        f"p10 {percentile(lengths, 0.1):>6,}  p90 {percentile(lengths, 0.9):>6,}  "
        f"min {min(lengths):>6,}  max {max(lengths):>6,}"
    )


def by_act(seeds: range) -> dict[str, list[int]]:
    """Words per act per walk (slow: asks the runtime where it is after every line)."""
    per_act: dict[str, list[int]] = defaultdict(list)
    for seed in seeds:
        rng = random.Random(seed)
        engine = new_engine(seed)
        counts: dict[str, int] = defaultdict(int)
        while True:
            while engine.can_continue():
                line = engine.next_line()
                counts[act_of(engine.current_knot())] += words(line.text)
            offered = engine.choices()
            if not offered:
                break
            engine.choose(rng.randrange(len(offered)))
        for act, count in counts.items():
            per_act[act].append(count)
    return per_act


def main(argv: list[str]) -> int:
    runs = int(next((a for a in argv if a.isdigit()), "300"))
    uniform = [random_walk(seed) for seed in range(runs)]
    greedy = [random_walk(seed, 0.9) for seed in range(runs)]
    print(summary("uniform", [walk_words(r) for r in uniform]))
    print(summary("greedy", [walk_words(r) for r in greedy]))
    endings: dict[str, list[int]] = defaultdict(list)
    for run in uniform + greedy:
        endings[run.ending or "(none)"].append(walk_words(run))
    for ending in ENDINGS:
        if endings.get(ending):
            print(summary(ending, endings[ending]))
    if "--by-act" in argv:
        for act, counts in sorted(by_act(range(min(runs, 100))).items()):
            print(f"{act:<18} median {int(statistics.median(counts)):>6,}  max {max(counts):>6,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
