"""Fuzz campaigns against everything that reads a file someone else wrote: saves, specs, story text.

Each campaign mutates valid inputs (byte flips, truncations, splices, type swaps, deep nesting,
control sequences) and checks the one promise that matters: the input is either accepted or refused
with the module's own error (`SaveError`, `SpecError`), never a traceback, a hang or a terminal escape
on screen. Prints, per campaign, how many inputs ran, how many were accepted and refused, the slowest
single input, and every broken promise (there should be none). Deterministic for a given --seed.

    python bench/fuzz.py [--iterations N] [--seed S]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


@dataclass
class Tally:
    name: str
    runs: int = 0
    accepted: int = 0
    refused: int = 0
    slowest: float = 0.0
    broken: list[str] = field(default_factory=list)

    def line(self) -> str:
        flag = "ok" if not self.broken else f"{len(self.broken)} BROKEN"
        return (f"{self.name:<28} {self.runs:>7,} inputs  {self.accepted:>6,} accepted  {self.refused:>6,} refused"
                f"  slowest {self.slowest * 1000:7.1f} ms  {flag}")


def mutate(rng: random.Random, text: str) -> str:
    """One random mutation of `text`."""
    kind = rng.randrange(9)
    if not text:
        return "\x00"
    at = rng.randrange(len(text))
    if kind == 0:  # flip a character
        return text[:at] + chr(rng.randrange(0x20, 0x7f)) + text[at + 1:]
    if kind == 1:  # truncate
        return text[:at]
    if kind == 2:  # duplicate a slice
        end = min(len(text), at + rng.randrange(1, 200))
        return text[:end] + text[at:end] + text[end:]
    if kind == 3:  # delete a slice
        return text[:at] + text[at + rng.randrange(1, 50):]
    if kind == 4:  # terminal escapes and control characters
        junk = rng.choice(["\x1b[2J", "\x1b]0;owned\x07", "\x9b31m", "\x00", "\r", "\x1b[?1049h", "\u202e"])
        return text[:at] + junk + text[at:]
    if kind == 5:  # deep nesting
        depth = rng.choice([50, 1000, 100_000])
        return text[:at] + "[" * depth + "]" * depth + text[at:]
    if kind == 6:  # a number too big for anything
        return text[:at] + str(2 ** rng.choice([31, 63, 64, 200])) + text[at:]
    if kind == 7:  # a byte-order mark or invalid UTF-8 stand-in
        return "\ufeff" + text if rng.random() < 0.5 else text[:at] + "\udcff" + text[at:]
    return text[:at] + rng.choice(['"', "{", "}", ":", ",", "null", "true", "-", "\n", "  "]) + text[at:]


def json_mutate(rng: random.Random, data: dict[str, object]) -> dict[str, object]:
    """A save with one field given a value of the wrong kind."""
    key = rng.choice(list(data))
    value = rng.choice([None, True, -5, 2.0, "2", 2**63, [], {}, "x" * 10, [[[[]]]], "2030-01-02T03:04:05"])
    return {**data, key: value}


def timed(tally: Tally, fn: Callable[[], bool], refusal: type[BaseException], label: str) -> None:
    started = time.perf_counter()
    try:
        accepted = fn()
    except refusal:
        tally.refused += 1
    except BaseException as exc:  # the promise broken: record what and where
        tally.broken.append(f"{label}: {type(exc).__name__}: {str(exc)[:200]}")
    else:
        tally.accepted += accepted
        tally.refused += not accepted
    tally.slowest = max(tally.slowest, time.perf_counter() - started)
    tally.runs += 1


def campaign_saves(rng: random.Random, iterations: int, work: Path) -> Tally:
    from dreamphases.compiler import compile_path
    from dreamphases.runtime.engine import Engine
    from dreamphases.saving import ChoiceRecord, SaveError, SaveFile, SaveStore, now, restore_state

    json_text = compile_path(ROOT / "tests" / "player" / "stories" / "night.ink").json_text
    assert json_text is not None
    engine = Engine(json_text)
    engine.choose(1) if engine.can_continue() is False else None
    while engine.can_continue():
        engine.next_line()
    store = SaveStore(work / "saves", "fuzz")
    good = SaveFile(story_id="fuzz", story_hash=engine.hash, state=engine.save_state(), seed=7,
                    choices=[ChoiceRecord(index=0, text="Listen")], saved_at=now())
    text = good.model_dump_json(indent=2)
    tally = Tally("save files")
    store.folder.mkdir(parents=True, exist_ok=True)
    for i in range(iterations):
        if i % 3 == 0:
            content = json.dumps(json_mutate(rng, json.loads(text)))
        else:
            content = text
            for _ in range(rng.randrange(1, 4)):
                content = mutate(rng, content)
        store.path("fuzz").write_bytes(content.encode("utf-8", "surrogateescape"))

        def load() -> bool:
            save = store.read("fuzz")
            restore_state(engine, save)  # may say "damaged" (SaveError) or not fit; never crash
            return True

        timed(tally, load, SaveError, f"save #{i}")
    return tally


def campaign_specs(rng: random.Random, iterations: int, work: Path) -> Tally:
    from dreamphases.testing.runner import run_spec
    from dreamphases.testing.spec import SpecError, parse_spec
    from dreamphases.testing.story import StoryProblem

    story = ROOT / "tests" / "player" / "stories" / "night.ink"
    base = (f"story: {story}\nname: fuzz\nseed: 7\nsteps:\n"
            "- expect: kitchen\n  has_choice: Listen\n- expect: {regex: 'l+i?s'}\n  choose: Listen\n"
            "- vars: {bond_milo: {min: 0}}\n  tags: ['speaker: Milo']\n- at: hallway\n")
    tally = Tally("playthrough specs")
    for i in range(iterations):
        content = base
        for _ in range(rng.randrange(1, 4)):
            content = mutate(rng, content)
        path = work / f"fuzz{i % 10}.playthrough.yaml"

        def run(content: str = content, path: Path = path) -> bool:
            result = run_spec(parse_spec(content, path))
            return result.failure is None

        timed(tally, run, (SpecError, StoryProblem), f"spec #{i}")
    return tally


def campaign_printable(rng: random.Random, iterations: int) -> Tally:
    from dreamphases.textsafe import printable

    tally = Tally("terminal text (printable)")
    alphabet = [chr(c) for c in range(0, 0x250)] + ["\x1b[", "\x1b]", "\x9b", "\x07", "\x1b\\", "é", "🌙", "\u0301"]
    for i in range(iterations):
        raw = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 80)))

        def check(raw: str = raw) -> bool:
            out = printable(raw)
            bad = [ch for ch in out if (ord(ch) < 0x20 and ch not in "\t\n") or 0x7f <= ord(ch) <= 0x9f]
            if bad:
                raise AssertionError(f"control characters left: {bad!r} from {raw!r}")
            return True

        timed(tally, check, (), f"text #{i}")
    return tally


def campaign_compiler(rng: random.Random, iterations: int) -> Tally:
    from dreamphases.compiler import compile_source

    sources = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "story").glob("*.ink"))]
    sources += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "player" / "stories").glob("*.ink"))]
    tally = Tally("compiler (mutated stories)")
    for i in range(iterations):
        text = rng.choice(sources)
        for _ in range(rng.randrange(1, 6)):
            text = mutate(rng, text)

        def compile_one(text: str = text) -> bool:
            result = compile_source(text.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
            internal = [d for d in result.diagnostics if d.code_id == "E000"]
            if internal:
                raise AssertionError(f"internal compiler error: {internal[0].message}")
            return result.json_text is not None

        timed(tally, compile_one, (), f"story #{i}")
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iterations", type=int, default=2000, help="inputs per campaign (default 2000)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        started = time.perf_counter()
        tallies = [
            campaign_saves(rng, args.iterations, work),
            campaign_specs(rng, args.iterations, work),
            campaign_printable(rng, args.iterations * 5),
            campaign_compiler(rng, max(1, args.iterations // 4)),
        ]
    print(f"fuzz campaigns, seed {args.seed}, {time.perf_counter() - started:.1f} s")
    for tally in tallies:
        print(tally.line())
        for problem in tally.broken[:10]:
            print(f"    {problem}")
    return 1 if any(t.broken for t in tallies) else 0


if __name__ == "__main__":
    sys.exit(main())
