"""Where saves live when `--saves` is not given, and how to say so.

Inside a project (a folder, or one of its parents up to the home folder, that holds a `saves/`
folder, a `pyproject.toml` or a `.git`), saves go to that project's `saves/`, beside the story being
written. Anywhere else — a player who ran `pip install` and typed `dreamphases play` in their home
folder or in Downloads — they go to the user's data folder, so `--continue` finds them from any
folder. `/saves` prints which of these it is.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = ["SavesDir", "default_saves_dir", "user_data_dir"]

_MARKERS = ("saves", "pyproject.toml", ".git")


@dataclass(frozen=True, slots=True)
class SavesDir:
    path: Path
    #: why this folder, for `/saves`: "--saves", "the project's saves folder", "your user data folder"
    why: str


def user_data_dir() -> Path:
    """The per-user data folder for DreamPhases (XDG on Linux; the platform's own elsewhere)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "dreamphases"


def _project_root(start: Path) -> Path | None:
    home = Path.home().resolve()
    here = start.resolve()
    for folder in (here, *here.parents):
        if folder == home or folder == folder.parent:
            return None  # the home folder (and above it) is not a project
        if (folder / "saves").is_dir() or any((folder / m).exists() for m in _MARKERS[1:]):
            return folder
    return None


def default_saves_dir(explicit: Path | None, cwd: Path | None = None) -> SavesDir:
    if explicit is not None:
        return SavesDir(explicit, "set with --saves")
    root = _project_root(cwd or Path.cwd())
    if root is not None:
        return SavesDir(root / "saves", "the project's saves folder")
    return SavesDir(user_data_dir() / "saves", "your user data folder")
