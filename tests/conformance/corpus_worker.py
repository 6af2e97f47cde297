"""Play two compiled versions of one story on bink and print whether they behave the same.

Run as a separate process by test_corpus.py (a runtime crash must fail one story, not the suite).
Usage: python corpus_worker.py OURS.json THEIRS.json  → prints JSON {"same": bool, "detail": str}
"""

from __future__ import annotations

import json
import random
import sys

from dreamphases.runtime.engine import Engine, StoryRuntimeError

SEEDS = (1, 2, 3)
MAX_STEPS = 60


def walk(json_text: str, seed: int | None) -> str:
    engine = Engine(json_text)
    rng = random.Random(seed)
    engine.set_seed(seed or 0)
    out: list[str] = []
    for _ in range(MAX_STEPS):
        while engine.can_continue():
            try:
                line = engine.next_line()
            except StoryRuntimeError as exc:
                out.append(exc.text + f"[error] {exc}\n")
                return "".join(out)
            out.append(line.text + (f"# {line.tags}\n" if line.tags else ""))
        choices = engine.choices()
        if not choices:
            break
        out.append(f"> {choices}\n")
        engine.choose(0 if seed is None else rng.randrange(len(choices)))
    return "".join(out)


def main() -> None:
    ours = open(sys.argv[1], encoding="utf-8-sig").read()
    theirs = open(sys.argv[2], encoding="utf-8-sig").read()
    for seed in (None, *SEEDS):
        a, b = walk(ours, seed), walk(theirs, seed)
        if a != b:
            print(json.dumps({"same": False, "detail": f"seed {seed}:\nours:\n{a[-600:]}\ntheirs:\n{b[-600:]}"}))
            return
    print(json.dumps({"same": True, "detail": ""}))


if __name__ == "__main__":
    main()
