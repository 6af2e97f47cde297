"""Child process of the differential fuzz: play two compiled stories on bink, report if they differ.

One JSON request per stdin line, {"ours": PATH, "theirs": PATH}; one JSON reply per line, {"same":
bool, "detail": str}. A separate process because bink may crash or loop on a mutant: that must cost
one mutant, not the campaign. The walks are the corpus test's (first choice, then seeded choices).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script: make `tests` importable

from dreamphases.runtime.engine import StoryLoadError  # noqa: E402
from tests.conformance.corpus_worker import SEEDS, walk  # noqa: E402


def _walk(path: str, seed: int | None) -> str:
    try:
        return walk(open(path, encoding="utf-8-sig").read(), seed)
    except StoryLoadError as exc:
        return f"[bink cannot load this JSON] {str(exc)[:200]}"


def main() -> None:
    for line in sys.stdin:
        req = json.loads(line)
        reply = {"same": True, "detail": ""}
        for seed in (None, *SEEDS):
            a, b = _walk(req["ours"], seed), _walk(req["theirs"], seed)
            if a != b:
                reply = {"same": False, "detail": f"seed {seed}:\nours:\n{a[-600:]}\ntheirs:\n{b[-600:]}"}
                break
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
