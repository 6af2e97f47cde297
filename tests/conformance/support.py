"""The conformance material (`../shared/ink-proof`, `../shared/ink-corpus`) and how a compiled story is played."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.shared import CORPUS, INK_PROOF


def proof_cases() -> list[Path]:
    if not INK_PROOF.is_dir():
        return []
    return sorted(p for p in INK_PROOF.iterdir() if (p / "story.ink").is_file())


def corpus_pairs() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.rglob("*.ink") if p.with_name(p.name + ".json").is_file())


def play_plain(json_path: Path, stdin: bytes, command: list[str] | None = None) -> subprocess.CompletedProcess:
    """Play a compiled story the way ink-proof drives a runtime: a separate process, choices on stdin.

    A separate process because a runtime may crash outright on some stories (bink segfaults on one
    ink-proof case), and that must fail one test, not the whole run.
    """
    cmd = command or [sys.executable, "-m", "dreamphases", "play", "--plain"]
    env = dict(os.environ, NO_COLOR="1")
    return subprocess.run(cmd + [str(json_path)], input=stdin, capture_output=True, timeout=60, env=env)
