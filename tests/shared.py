"""Where the `../shared` material beside the checkout lives. Tests that use it skip when it is absent."""

from __future__ import annotations

from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
INKJS = SHARED / "tools" / "inkjs" / "run"
INK_PROOF = SHARED / "ink-proof" / "ink"
CORPUS = SHARED / "ink-corpus"
