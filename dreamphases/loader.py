"""The one story loader: `play`, `test`, `explore`, `record`, `map`, `stats` all load a story here.

A story is a compiled `.json` file or an `.ink` main file. `.ink` is read once by the compiler's own
reader (`read_sources`), which checks the INCLUDE sandbox before any read and reads only regular
files of bounded size; the compile is then keyed by the text of *every* source file, so an edited
INCLUDE is never served stale — by the in-process memo (test runs that load one story per spec) or by
the on-disk cache (`runtime/cache.py`, for `play`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dreamphases.compiler.api import compile_sources
from dreamphases.compiler.diagnostics import Diagnostic, render
from dreamphases.compiler.graph import StoryGraph
from dreamphases.compiler.source import read_regular, read_sources
from dreamphases.runtime import cache

__all__ = ["LoadedStory", "StoryProblem", "load_story"]

#: a compiled story file larger than this is refused rather than read into memory
MAX_JSON_BYTES = 256 * 1024 * 1024
#: how many compiled stories the process keeps (a test run needs one or two; `watch` makes one per edit)
MEMO_SIZE = 8
#: compiled stories by source key, for this process (a test run loads one story for many specs)
_MEMO: dict[str, LoadedStory] = {}


@dataclass(slots=True)
class LoadedStory:
    path: Path
    json_text: str
    #: the story graph (None for a compiled .json, or when it came from the disk cache)
    graph: StoryGraph | None = None
    #: the compiler's warnings (errors make `load_story` raise)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: the source files read, as the compiler names them (relative to the main file's folder)
    files: list[str] = field(default_factory=list)


@dataclass(slots=True)
class StoryProblem(Exception):
    """Why a story could not be loaded. `status` is the CLI exit code (1 story errors, 2 unusable input)."""

    message: str
    status: int = 2
    diagnostics: list[str] = field(default_factory=list)
    #: the source files read before the problem was found (so `watch` knows what to watch)
    files: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join([self.message, *self.diagnostics])


def load_story(path: Path, *, graph: bool = True, disk_cache: bool = False) -> LoadedStory:
    """The story at `path`, compiled when it is ink. Raises `StoryProblem`.

    `graph=False` lets a cached compile serve (the player needs no graph); `disk_cache` also keeps
    the compiled JSON on disk between runs."""
    path = Path(path)
    try:
        if path.is_dir():
            raise StoryProblem(f"{path} is a folder; name the story's main .ink (or compiled .json) file", 2)
        if not path.is_file():
            raise StoryProblem(f"no such story file: {path}", 2)
    except OSError as exc:  # a name too long for the file system, a loop of links...
        raise StoryProblem(f"cannot open the story {str(path)[:200]}: {exc.strerror or exc}", 2) from None
    if path.suffix.lower() == ".json":
        try:
            data = read_regular(path, MAX_JSON_BYTES)
            if len(data) > MAX_JSON_BYTES:
                raise StoryProblem(f"{path} is too large to be a compiled story", 2)
            return LoadedStory(path, data.decode("utf-8-sig"))
        except (OSError, UnicodeDecodeError) as exc:
            raise StoryProblem(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}", 2) from exc
    sources = read_sources(path)
    key = cache.cache_key(sources)
    memo = _MEMO.get(key)
    if memo is not None and (memo.graph is not None or not graph):
        return LoadedStory(path, memo.json_text, memo.graph, memo.diagnostics, memo.files)
    if not graph and disk_cache and not sources.diagnostics:
        cached = cache.lookup(path, key)
        if cached is not None:
            return LoadedStory(path, cached, files=list(sources.files))
    result = compile_sources(sources)
    if result.json_text is None:
        errors = [render(d) for d in result.diagnostics if d.is_error]
        raise StoryProblem(f"{path} does not compile", 1, errors, list(sources.files))
    loaded = LoadedStory(path, result.json_text, result.graph, [d for d in result.diagnostics if not d.is_error],
                         list(sources.files))
    _MEMO[key] = loaded
    while len(_MEMO) > MEMO_SIZE:  # a long `watch` session compiles every edit: keep the newest few
        del _MEMO[next(iter(_MEMO))]
    if disk_cache:
        cache.store(path, key, result.json_text)
    return loaded
