"""Where the files a compiled story names are, and how to show them to the writer.

A module of its own, with nothing heavier than `os` and `pathlib`, because `compile` needs these two
functions and nothing else of the writer tools: importing them through `tools.loading` pulled in the
story loader, the runtime (bink) and the lint rules, a tenth of a second on every `compile`.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["source_path", "display_path"]


def source_path(story: Path, name: str) -> Path:
    """Where a file the compiler names (relative to the main file's folder) is on disk."""
    path = Path(name)
    return path if path.is_absolute() else Path(story).parent / path


def display_path(story: Path, name: str) -> str:
    """A file name as the writer addressed the story: `story/act1.ink` when they ran `check story/main.ink`,
    so terminals, editors and GitHub annotations find the file from where the command ran."""
    return os.path.normpath(source_path(story, name))
