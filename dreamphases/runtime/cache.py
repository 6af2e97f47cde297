"""A cache of compiled stories keyed by content, so starting a story a second time skips the compiler.

The key is a hash of the ink sources (the main file and everything it INCLUDEs, found by a
conservative scan) and of the compiler's own code, so editing either one misses the cache instead
of playing stale JSON. The cache lives in `.dreamphases-cache/` beside the story, or in the user's
cache folder when that is not writable; `DREAMPHASES_CACHE_DIR` overrides both. A broken or
unwritable cache is never an error: the story is simply compiled.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from dreamphases.fileio import write_atomic

__all__ = ["cache_dirs", "cache_key", "lookup", "store"]

CACHE_FORMAT = "1"
_INCLUDE = re.compile(r"^\s*INCLUDE\s+(.+?)\s*$", re.MULTILINE)


def _compiler_fingerprint() -> str:
    """Sizes and modification times of the compiler's modules: cheap, and changes with every edit."""
    package = Path(__file__).resolve().parents[1] / "compiler"
    parts = []
    for file in sorted(package.rglob("*.py")):
        stat = file.stat()
        parts.append(f"{file.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(parts)


def _sources(main: Path) -> list[tuple[str, bytes]]:
    """The main file and, transitively, the files it INCLUDEs (relative to the main file's folder)."""
    root = main.parent
    seen: dict[Path, bytes] = {}
    queue = [main]
    while queue:
        path = queue.pop()
        resolved = path.resolve()
        if resolved in seen:
            continue
        try:
            data = path.read_bytes()
        except OSError:
            data = b"\x00missing"
        seen[resolved] = data
        for name in _INCLUDE.findall(data.decode("utf-8", "replace")):
            queue.append(root / name)
    return [(str(path), data) for path, data in sorted(seen.items())]


def cache_key(main: Path) -> str:
    digest = hashlib.sha256()
    digest.update(f"dreamphases-cache {CACHE_FORMAT}\n".encode())
    digest.update(_compiler_fingerprint().encode())
    for name, data in _sources(main):
        digest.update(f"\n{name}\n{len(data)}\n".encode())
        digest.update(data)
    return digest.hexdigest()


def cache_dirs(main: Path) -> list[Path]:
    override = os.environ.get("DREAMPHASES_CACHE_DIR")
    if override:
        return [Path(override)]
    user = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dreamphases"
    return [main.resolve().parent / ".dreamphases-cache", user]


def lookup(main: Path) -> tuple[str | None, str]:
    """(cached JSON or None, key)."""
    key = cache_key(main)
    for folder in cache_dirs(main):
        try:
            return (folder / f"{key}.json").read_text(encoding="utf-8"), key
        except (OSError, UnicodeDecodeError):
            continue
    return None, key


def store(main: Path, key: str, json_text: str) -> Path | None:
    for folder in cache_dirs(main):
        try:
            target = folder / f"{key}.json"
            write_atomic(target, json_text)
            return target
        except OSError:
            continue
    return None
