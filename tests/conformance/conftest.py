"""Shared material for the conformance suites: `../shared` beside the repository, when present."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
INK_PROOF = SHARED / "ink-proof" / "ink"
CORPUS = SHARED / "ink-corpus"
INKJS = SHARED / "tools" / "inkjs" / "run"


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


@pytest.fixture(scope="session")
def inkjs(inkjs_run: Path) -> list[str]:
    return [str(inkjs_run), "play"]
