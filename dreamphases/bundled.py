"""Where the bundled story, *DreamPhases*, is: inside the installed package, or in the checkout.

A wheel carries the story as package data (`dreamphases/_story/`, copied from `story/` at build
time by `setup.py`); an editable install or a plain checkout has it in `story/` beside the package.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["bundled_story"]

MAIN_FILE = "dreamphases.ink"


def bundled_story() -> Path:
    """The bundled story's main file. If neither copy exists (a broken install), the installed
    location is returned, and the caller's "no such story file" names it."""
    package = Path(__file__).resolve().parent
    installed = package / "_story" / MAIN_FILE
    checkout = package.parent / "story" / MAIN_FILE
    for candidate in (installed, checkout):
        if candidate.is_file():
            return candidate
    return installed
