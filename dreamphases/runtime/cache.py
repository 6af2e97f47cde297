"""A cache of compiled stories keyed by content, so starting a story a second time skips the compiler.

The key is a hash of every source file the compiler read for the story (the main file and all it
INCLUDEs, as `compiler.source.read_sources` found them — the same reader, with the same sandbox,
so the cache can never see a file the compiler would refuse) and of the compiler's own code, so
editing either misses the cache instead of playing stale JSON. The cache lives in
`.dreamphases-cache/` beside the story, or in the user's cache folder when that is not writable;
`DREAMPHASES_CACHE_DIR` overrides both. A broken or unwritable cache is never an error: an entry
that is not a compiled story is deleted and the story is simply compiled again.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from dreamphases.compiler.source import SourceSet, read_regular
from dreamphases.fileio import write_atomic

__all__ = ["cache_dirs", "cache_key", "lookup", "store"]

CACHE_FORMAT = "2"
#: a compiled story larger than this is not worth caching (and a cache file this big is not ours)
MAX_ENTRY_BYTES = 256 * 1024 * 1024


def _compiler_fingerprint() -> str:
    """Sizes and modification times of the compiler's modules: cheap, and changes with every edit."""
    package = Path(__file__).resolve().parents[1] / "compiler"
    parts = []
    for file in sorted(package.rglob("*.py")):
        stat = file.stat()
        parts.append(f"{file.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(parts)


def cache_key(sources: SourceSet) -> str:
    """The key of a story read by `read_sources`: every file's name and text, and the compiler."""
    digest = hashlib.sha256()
    digest.update(f"dreamphases-cache {CACHE_FORMAT}\n".encode())
    digest.update(_compiler_fingerprint().encode())
    for name, file in sorted(sources.files.items()):
        text = "\n".join(file.raw_lines)
        digest.update(f"\n{name}\n{len(text)}\n".encode())
        digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def cache_dirs(main: Path) -> list[Path]:
    override = os.environ.get("DREAMPHASES_CACHE_DIR")
    if override:
        return [Path(override)]
    user = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dreamphases"
    return [main.resolve().parent / ".dreamphases-cache", user]


def _usable(text: str) -> bool:
    """Whether a cache entry is a compiled story at all (a truncated or damaged file is not)."""
    try:
        data = json.loads(text)
    except ValueError:
        return False
    return isinstance(data, dict) and isinstance(data.get("inkVersion"), int) and "root" in data


def lookup(main: Path, key: str) -> str | None:
    """The cached JSON for `key`, or None. A damaged entry is deleted (and so rebuilt by the caller)."""
    for folder in cache_dirs(main):
        entry = folder / f"{key}.json"
        try:
            text = read_regular(entry, MAX_ENTRY_BYTES).decode("utf-8")
        except (OSError, UnicodeDecodeError, ValueError):
            text = None
        if text is not None and len(text) <= MAX_ENTRY_BYTES and _usable(text):
            return text
        try:
            if entry.is_file() or entry.is_symlink():
                entry.unlink()
        except OSError:
            pass
    return None


def store(main: Path, key: str, json_text: str) -> Path | None:
    for folder in cache_dirs(main):
        try:
            target = folder / f"{key}.json"
            write_atomic(target, json_text)
            return target
        except OSError:
            continue
    return None
