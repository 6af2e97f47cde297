"""Generate a large, deterministic ink story that uses every core construct.

Why: the compiler and the explorer need a big story with realistic structure (not one knot repeated)
to measure throughput on. The same `(lines, seed)` always yields the same text, so figures are
comparable between runs and machines.

Every chapter knot has stitches, a weave with nested choices and gathers, labels, conditionals,
alternatives (sequence, cycle, shuffle, once-only), variable writes, function calls, a tunnel and a
thread; diverts only go forward (or loop back once, guarded), so every walk ends at a tagged ending.

    python bench/gen_story.py --lines 20000 --seed 1 -o /tmp/big.ink
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

__all__ = ["generate"]

_WORDS = (
    "dream lantern window kitchen river static phone mother brother signal hallway moon clock "
    "glass garden silence thunder whisper ticket train ocean ladder mirror paper shadow candle"
).split()
_ENDINGS = ("reconciled", "awake", "lost", "drifting", "homecoming")


def _sentence(rng: random.Random, words: int = 8) -> str:
    picked = [rng.choice(_WORDS) for _ in range(words)]
    return " ".join(picked).capitalize() + "."


def _header(rng: random.Random) -> list[str]:
    return [
        "# title: Generated benchmark story",
        "# stat: courage, Courage, 0..100, courage",
        "VAR courage = 10",
        "VAR trust = 0",
        "VAR has_key = false",
        "VAR loops = 0",
        'VAR mood = "calm"',
        "CONST LIMIT = 50",
        "",
        "-> k0",
        "",
        "=== function clampv(x, lo, hi) ===",
        "{",
        "- x < lo:",
        "    ~ return lo",
        "- x > hi:",
        "    ~ return hi",
        "- else:",
        "    ~ return x",
        "}",
        "",
        "=== function bump(ref v, by) ===",
        "~ v = clampv(v + by, 0, 100)",
        "",
        "=== function describe(n) ===",
        "{ n:",
        "- 0: ~ return \"nothing\"",
        "- 1: ~ return \"a little\"",
        "- else: ~ return \"plenty\"",
        "}",
        "",
    ]


def _tunnel(i: int, rng: random.Random) -> list[str]:
    return [
        f"=== tun{i} ===",
        f"{_sentence(rng)} {{~Softly|Loudly|Quietly}} the room answers.",
        "~ trust = trust + 1",
        "->->",
        "",
    ]


def _thread(i: int, target: str, rng: random.Random) -> list[str]:
    return [
        f"=== side{i} ===",
        f"* [Follow the {rng.choice(_WORDS)}]",
        f"    {_sentence(rng)}",
        f"    -> {target}",
        "- -> DONE",
        "",
    ]


def _knot(i: int, count: int, rng: random.Random) -> list[str]:
    """One chapter knot; its exits go forward so a walk always ends."""

    def forward(min_step: int = 1) -> str:
        j = i + rng.randint(min_step, 6)
        return f"k{j}" if j < count else "finale"

    name = f"k{i}"
    out = [
        f"=== {name} ===",
        f"{_sentence(rng)} {{&It ticks.|It tocks.|It stops.}}",
        f"{{once:|{{stopping: The {rng.choice(_WORDS)} hums.|It hums again.|Silence.}}}}",
        "{ courage > 20: You feel bold. | You feel small. }",
        f"~ temp seen = {name}",
        "{ seen > 1: You have been here before. }",
        f"-> {name}.opening",
        "",
        "= opening",
        f"{_sentence(rng)} {{~The {rng.choice(_WORDS)} flickers.|Nothing moves.|A door creaks.}}",
        f"* ({name}_ask) [Ask about the {rng.choice(_WORDS)}]",
        f"    {_sentence(rng)}",
        "    ~ bump(courage, 2)",
        f"    * * [Press on about the {rng.choice(_WORDS)}]",
        f"        {_sentence(rng)}",
        "        ~ trust = trust + 1",
        f"        * * * [Insist] {_sentence(rng, 5)}",
        "        * * * [Relent]",
        f"            {_sentence(rng, 5)}",
        "        - - - (deep) {!Deep down, you knew.|Again, you knew.}",
        f"    * * [Let it go] {_sentence(rng, 5)}",
        "    - - (inner) The moment passes{trust > 3: warmly|}.",
        "+ [Stay silent]",  # sticky: a revisited knot must still offer a way on
        f"    {_sentence(rng)}",
        "    ~ bump(courage, -1)",
        "* {has_key} [Use the key]",
        f"    {_sentence(rng)} -> {forward(2)}",
        "* {courage > 15} [Be brave]",
        "    ~ mood = \"bold\"",
        f"    {_sentence(rng)}",
        f"- ({name}_gather) {_sentence(rng)} You have {{describe(trust)}} trust.",
        f"-> tun{i % 7} ->",
        f"{{ {name}_ask: You remember asking. - else: You remember nothing. }}",
        f"-> {name}.middle",
        "",
        "= middle",
        f"{_sentence(rng)}",
        f"<- side{i % 5}",
        "* [Take the key]",
        "    ~ has_key = true",
        f"    {_sentence(rng, 6)}",
        "+ [Leave it]",
        f"    {_sentence(rng, 6)}",
        "- (after) {cycle: Tick.|Tock.}",
    ]
    if i % 9 == 4:
        # A guarded loop back: walks may revisit a knot, but `loops` caps it.
        out += [
            "{ loops < 2:",
            "    ~ loops = loops + 1",
            f"    * [Go back to the start of {name}] -> {name}",
            "}",
        ]
    out += [
        f"+ [Walk toward the {rng.choice(_WORDS)}] -> {forward()}",
        f"* [Run to the {rng.choice(_WORDS)}] -> {forward()}",
        f"* {{courage >= LIMIT}} [Leap] -> {forward(3)}",
        "",
    ]
    filler = rng.randint(2, 6)
    for _ in range(filler):
        out.insert(out.index("= middle") + 1, _sentence(rng, rng.randint(6, 12)))
    return out


def _finale(rng: random.Random) -> list[str]:
    out = ["=== finale ===", _sentence(rng), "{", "- trust > 6:"]
    out += [f"    The night resolves. # ending: {_ENDINGS[0]}", "    -> END"]
    out += ["- courage > 30:", f"    You wake up. # ending: {_ENDINGS[1]}", "    -> END", "}"]
    out += [
        f"* [Drift] You drift away. # ending: {_ENDINGS[3]}",
        "    -> END",
        f"* [Go home] You find the way home. # ending: {_ENDINGS[4]}",
        "    -> END",
        f"* {{has_key}} [Lock the door] Everything goes dark. # ending: {_ENDINGS[2]}",
        "    -> END",
        "",
    ]
    return out


def generate(lines: int = 20000, seed: int = 1) -> str:
    """An ink story of at least `lines` lines; the same arguments always give the same text."""
    rng = random.Random(seed)
    head = _header(rng)
    tunnels = [ln for i in range(7) for ln in _tunnel(i, rng)]
    body: list[str] = []
    # Estimate the knot count from a sample knot, then generate until the line budget is met.
    per_knot = len(_knot(0, 10, random.Random(seed)))
    budget = max(1, lines - len(head) - len(tunnels) - 60)
    count = max(2, budget // per_knot + 1)
    for i in range(count):
        body += _knot(i, count, rng)
    threads = [ln for i in range(5) for ln in _thread(i, f"k{min(count - 1, 3 + i * (count // 6))}", rng)]
    text = head + tunnels + threads + body + _finale(rng)
    while len(text) < lines:
        text.append(f"// padding {len(text)}")
    return "\n".join(text) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path, help="write here (default: stdout)")
    args = parser.parse_args(argv)
    text = generate(args.lines, args.seed)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        print(f"wrote {args.output} ({text.count(chr(10))} lines)", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
