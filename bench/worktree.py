"""Another commit of this repository as a folder: the benchmarks that time or compare a commit beside
this checkout (`compile.py`, `compile_stages.py`, `compile_outputs.py`) check it out here."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["checkout"]

ROOT = Path(__file__).resolve().parents[1]


@contextmanager
def checkout(commit: str | None, folder: Path) -> Iterator[Path | None]:
    """`commit` checked out at `folder` (a detached git worktree), removed again on leaving; None when
    no commit is given."""
    if not commit:
        yield None
        return
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(folder), commit], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(folder)], check=False)
