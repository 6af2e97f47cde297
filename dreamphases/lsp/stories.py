"""Which story a file belongs to, and that story compiled and linted from the editor's buffers.

An editor opens one file, but ink compiles a story: a main file and everything it INCLUDEs. A file
belongs to the outermost story in its folder or the folders above it (up to the workspace root)
whose INCLUDEs reach it; a file nothing includes is a story of its own. Discovery uses the
compiler's own source reader, so INCLUDE resolution and its sandbox are exactly the compiler's.

Compiling goes through `check_path` with an overlay of the open buffers: the same diagnostics as
`dreamphases check`, for what the writer sees rather than what was last saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dreamphases.compiler.diagnostics import Diagnostic
from dreamphases.compiler.graph import StoryGraph
from dreamphases.compiler.parser import ParseCache
from dreamphases.compiler.source import read_sources
from dreamphases.tools.check import check_path

__all__ = ["Compiled", "Stories"]

#: how many folders above a file discovery looks at, and how many files per folder, at most
_MAX_LEVELS = 4
_MAX_CANDIDATES = 200


@dataclass(slots=True)
class Compiled:
    """One compile of one story: what the features answer from until the next one."""

    main: Path
    graph: StoryGraph | None
    #: compiler and lint diagnostics; `span.file` is an absolute path
    diagnostics: list[Diagnostic]
    #: every file of the story, absolute, main first
    files: list[Path]
    #: the text each file had when compiled (editor buffer or disk), as lines
    lines: dict[Path, list[str]] = field(default_factory=dict)

    #: name → path, filled by `path_of` (resolving a path asks the file system; names repeat a lot)
    paths: dict[str, Path] = field(default_factory=dict)

    def path_of(self, name: str) -> Path:
        """The absolute path of a file as the graph names it (relative to the main file's folder)."""
        path = self.paths.get(name)
        if path is None:
            path = self.paths[name] = (self.main.parent / name).resolve()
        return path

    def name_of(self, path: Path) -> str | None:
        """The graph's name for an absolute path, or None when it is not part of this story."""
        try:
            return path.relative_to(self.main.parent).as_posix()
        except ValueError:
            return None

    def line(self, path: Path, number: int) -> str:
        lines = self.lines.get(path, [])
        return lines[number - 1] if 1 <= number <= len(lines) else ""


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig", errors="replace")
    except (OSError, ValueError):
        return ""


class Stories:
    """The open buffers and the latest compile of every story they belong to."""

    def __init__(self, roots: list[Path] | None = None) -> None:
        #: workspace folders: discovery never looks above them
        self.roots = [r.resolve() for r in roots or []]
        #: absolute path → the editor's text
        self.buffers: dict[Path, str] = {}
        #: main file → its latest compile
        self.compiled: dict[Path, Compiled] = {}
        #: main file → the parses of its files, so an edit re-parses only the file edited
        self.parses: dict[Path, ParseCache] = {}

    # -- buffers ------------------------------------------------------------------------------------
    def text(self, path: Path) -> str:
        held = self.buffers.get(path)
        return held if held is not None else _read_text(path)

    # -- which story --------------------------------------------------------------------------------
    def main_for(self, path: Path) -> Path:
        """The main file of the story `path` belongs to (itself when nothing includes it)."""
        known = [c for c in self.compiled.values() if path in c.files]
        if known:
            return max(known, key=lambda c: len(c.files)).main
        best: tuple[int, Path] | None = None
        for folder in self._folders(path):
            for candidate in self._candidates(folder):
                if candidate == path:
                    continue
                files = self._story_files(candidate)
                if path in files and (best is None or len(files) > best[0]):
                    best = (len(files), candidate)
        return best[1] if best is not None else path

    def _folders(self, path: Path) -> list[Path]:
        root = next((r for r in self.roots if path.is_relative_to(r)), None)
        folders = []
        folder = path.parent
        for _ in range(_MAX_LEVELS):
            folders.append(folder)
            if root is None or folder == root or folder.parent == folder:
                break
            folder = folder.parent
        return folders

    def _candidates(self, folder: Path) -> list[Path]:
        """`.ink` files in `folder` (and open buffers there) that INCLUDE something."""
        try:
            on_disk = sorted(p.resolve() for p in folder.glob("*.ink"))[:_MAX_CANDIDATES]
        except OSError:
            on_disk = []
        held = [p for p in self.buffers if p.parent == folder and p not in on_disk]
        return [p for p in on_disk + held if "INCLUDE" in self.text(p)]

    def _story_files(self, main: Path) -> list[Path]:
        sources = read_sources(main, overlay=self.buffers)
        return [(main.parent / name).resolve() for name in sources.files]

    # -- compiling ----------------------------------------------------------------------------------
    def compile(self, main: Path) -> Compiled:
        """Compile and lint the story from the open buffers; never raises on a bad story."""
        cache = self.parses.setdefault(main, ParseCache())
        result = check_path(main, overlay=dict(self.buffers), parse_cache=cache, emit_json=False)
        graph = result.graph
        names = graph.files if graph is not None and graph.files else [main.name]
        files = [(main.parent / name).resolve() for name in names]
        if main not in files:
            files.insert(0, main)
        compiled = Compiled(main, graph, result.diagnostics, files)
        for path in files:
            compiled.lines[path] = self.text(path).replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.compiled[main] = compiled
        return compiled

    def story_of(self, path: Path) -> Compiled | None:
        """The latest compile of the story `path` belongs to, if there is one."""
        main = self.main_for(path)
        return self.compiled.get(main)
