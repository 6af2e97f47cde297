"""The range of a story seed, in one place: what the ink runtime accepts (a signed 64-bit integer).

bink keeps the seed as an `i64` and rejects anything outside with an opaque state-parsing error, so
every way a seed comes in — `--seed`, a spec's `seed:`, a save's `seed` — is checked against this range
first and refused with a message (exit 2), never a traceback.
"""

from __future__ import annotations

import argparse

__all__ = ["SEED_MAX", "SEED_MIN", "check_seed", "seed_argument"]

SEED_MIN = -(2**63)
SEED_MAX = 2**63 - 1


def check_seed(value: int) -> int:
    """`value` if the runtime can take it as a seed; else ValueError with the allowed range."""
    if not SEED_MIN <= value <= SEED_MAX:
        raise ValueError(f"a seed must be a whole number from {SEED_MIN} to {SEED_MAX}, not {value}")
    return value


def seed_argument(text: str) -> int:
    """argparse `type=` for `--seed`: a usage error (exit 2) for anything out of range or not a number."""
    try:
        return check_seed(int(text, 10))
    except ValueError as exc:
        message = str(exc) if text.strip().lstrip("+-").isdigit() else f"not a whole number: {text!r}"
        raise argparse.ArgumentTypeError(message) from None
