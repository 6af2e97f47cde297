"""Small test stories (`stories/*.ink`), compiled with our compiler for the tests that play them."""

from __future__ import annotations

import hashlib
import subprocess
import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path

STORIES = Path(__file__).parent / "stories"

#: `play(story, *args, input=..., env=...)`: the `play` fixture, running `dreamphases play`.
Play = Callable[..., subprocess.CompletedProcess[str]]


@cache
def compiled_json(name: str) -> str:
    from dreamphases.compiler import compile_path, render

    result = compile_path(STORIES / f"{name}.ink")
    if result.json_text is None:
        problems = "\n".join(render(d) for d in result.diagnostics)
        raise AssertionError(f"test story {name}.ink does not compile:\n{problems}")
    return result.json_text


def write_story(name: str, folder: Path, *, as_file: str | None = None) -> Path:
    """The compiled story as a .json file in `folder`, ready for `dreamphases play`. `as_file` writes it
    under another story's file name: the same story, edited (saves belong to a story's file)."""
    target = folder / (as_file or f"{name}.json")
    target.write_text(compiled_json(name), encoding="utf-8")
    return target


def unglitched(text: str) -> str:
    """Rendered text without what glitching adds (combining marks, noise between words)."""
    kept = "".join(ch for ch in text if not unicodedata.combining(ch))
    for noise in "░▒▓▚▞":
        kept = kept.replace(noise + " ", "")
    return kept


def files_snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file under `folder` with its content hash and modification time: "no file changed"."""
    return {
        str(path.relative_to(folder)): (
            hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns
        )
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def slot_file(saves: Path, slot: str, story: str = "test-night") -> Path:
    """The file of `slot` for the test story whose title slugs to `story`, wherever its saves folder is
    (the folder is `<slug>-<hash of the story's path>`, one per story file)."""
    folders = sorted(saves.glob(f"{story}-*"))
    assert len(folders) <= 1, f"more than one saves folder for {story}: {folders}"
    return (folders[0] if folders else saves / f"{story}-unsaved") / f"{slot}.json"
