"""Reading: the story's files as text with comments removed, INCLUDEs found, sandboxed.

Output is a `SourceSet`: every file the story needs, loaded once, with line structure preserved
(block comments become blank lines) so every later span points at the real source. INCLUDE paths
resolve the way inklecate resolves them, relative to the main file's folder, and may not leave it.

An editor compiles what it holds, not what is on disk: `overlay` maps absolute paths to unsaved
text that is read instead of the file. It is consulted only where a disk read would happen, after the
same sandbox checks, so an overlay cannot bring in a file an INCLUDE could not reach.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dreamphases.compiler.diagnostics import Diagnostic, Span

__all__ = ["SourceFile", "SourceSet", "read_regular", "read_sources", "strip_comments", "MAX_SOURCE_BYTES"]

MAX_SOURCE_BYTES = 8 * 1024 * 1024
_COMMENT_OR_ESCAPE = re.compile(r"[\\/]")
_INCLUDE = re.compile(r"^\s*INCLUDE(?:\s+(.*?))?\s*$")


@dataclass(slots=True)
class SourceFile:
    """One file of the story, as written and with comments removed."""

    name: str  # as shown to the writer (relative to the main file's folder)
    path: Path | None
    raw_lines: list[str]  # original text, for caret excerpts
    lines: list[str]  # comments removed


@dataclass(slots=True)
class SourceSet:
    """The main file and every file it INCLUDEs, with what went wrong reading them."""

    main: str
    files: dict[str, SourceFile] = field(default_factory=dict)
    #: including file name, line (1-based) → included file name (None when it could not be read)
    includes: dict[tuple[str, int], str | None] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def strip_comments(text: str) -> str:
    """Remove `// …` and `/* … */`, keeping every newline so line numbers stay true."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        m = _COMMENT_OR_ESCAPE.search(text, i)
        if m is None:
            out.append(text[i:])
            break
        out.append(text[i:m.start()])  # text that cannot hold a comment: copied in one slice
        i = m.start()
        c = text[i]
        if c == "\\" and i + 1 < n:
            out.append(text[i:i + 2])
            i += 2
            continue
        if c == "/" and i + 1 < n:
            nxt = text[i + 1]
            if nxt == "/":
                j = text.find("\n", i)
                i = n if j < 0 else j
                continue
            if nxt == "*":
                j = text.find("*/", i + 2)
                chunk = text[i:] if j < 0 else text[i:j + 2]
                out.append("\n" * chunk.count("\n"))
                i = n if j < 0 else j + 2
                continue
        out.append(c)
        i += 1
    return "".join(out)


def _decode(data: bytes | str, name: str, diags: list[Diagnostic]) -> str | None:
    """File bytes (or an editor's unsaved text) → the text to compile, or None with a diagnostic."""
    span = Span(name, 1, 1)
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    if len(data) > MAX_SOURCE_BYTES:
        diags.append(_too_large(len(data), name))
        return None
    if b"\x00" in data:
        diags.append(Diagnostic("E007", "this is not a text file (it contains NUL bytes)", span,
                                hint="ink stories are UTF-8 text files"))
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        diags.append(Diagnostic("E007", f"this file is not valid UTF-8 (byte {exc.start})", span,
                                hint="save the file as UTF-8"))
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _make_file(name: str, path: Path | None, text: str) -> SourceFile:
    return SourceFile(name, path, text.split("\n"), strip_comments(text).split("\n"))


class TooLarge(OSError):
    """A file over the size limit, refused before it is read (`size` in bytes)."""

    def __init__(self, size: int) -> None:
        super().__init__(errno.EFBIG, "file too large")
        self.size = size


def _too_large(size: int, name: str) -> Diagnostic:
    return Diagnostic("E007", f"source file is too large ({size // 1024} KiB; the limit is "
                      f"{MAX_SOURCE_BYTES // (1024 * 1024)} MiB)", Span(name, 1, 1),
                      hint="split the story into smaller files with INCLUDE")


def read_regular(path: Path, limit: int = MAX_SOURCE_BYTES) -> bytes:
    """A regular file's bytes, at most `limit` + 1 of them (so "too large" can still be told).

    Anything else (a FIFO, a device such as /dev/zero, a folder) raises OSError before a byte is
    read: the open does not block on a FIFO, and the type is checked on the opened file itself."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        if info.st_size > limit:
            raise TooLarge(info.st_size)
        chunks, left = [], limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _read(path: Path, overlay: Mapping[Path, str]) -> bytes | str:
    """The file's bytes, or the editor's text for it (raises OSError like a read)."""
    held = overlay.get(path)
    return held if held is not None else read_regular(path)


def read_sources(main: Path | None, text: str | None = None, name: str | None = None,
                 overlay: Mapping[Path, str] | None = None) -> SourceSet:
    """Load the main file (or the given text) and every file it INCLUDEs, transitively.

    `overlay`: absolute resolved paths → text to use instead of what is on disk (an editor's buffers).
    """
    diags: list[Diagnostic] = []
    overlay = overlay or {}
    if main is not None:
        root = main.resolve().parent
        display = name or main.name
        try:
            data = _read(main.resolve(), overlay)
        except TooLarge as exc:
            sources = SourceSet(display)
            sources.diagnostics.append(_too_large(exc.size, display))
            return sources
        except OSError as exc:
            sources = SourceSet(display)
            sources.diagnostics.append(Diagnostic("E007", f"cannot read the story: {exc.strerror}",
                                                  Span(display, 1, 1)))
            return sources
        decoded = _decode(data, display, diags)
        sources = SourceSet(display)
        sources.diagnostics.extend(diags)
        if decoded is None:
            return sources
        first = _make_file(display, main.resolve(), decoded)
    else:
        root = Path.cwd().resolve()
        display = name or "story.ink"
        sources = SourceSet(display)
        first = _make_file(display, None, text or "")
    sources.files[display] = first
    _follow_includes(first, root, sources, (display,), overlay)
    return sources


def _is_file(path: Path) -> bool:
    """Like Path.is_file, but a name the OS cannot even look up (too long, a NUL in it) is just missing."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _follow_includes(src: SourceFile, root: Path, sources: SourceSet, chain: tuple[str, ...],
                     overlay: Mapping[Path, str]) -> None:
    for index, line in enumerate(src.lines):
        m = _INCLUDE.match(line)
        if not m:
            continue
        lineno = index + 1
        rel = m.group(1) or ""  # a bare 'INCLUDE' is reported below, not ignored
        col = line.index("INCLUDE") + 9
        span = Span(src.name, lineno, col)
        excerpt = src.raw_lines[index]
        sources.includes[(src.name, lineno)] = None
        if not rel:
            sources.diagnostics.append(Diagnostic("E004", "INCLUDE needs a file name", span, excerpt=excerpt))
            continue
        try:
            target = (root / rel).resolve()
        except (OSError, ValueError):  # a NUL in the name, a symlink loop
            sources.diagnostics.append(Diagnostic("E004", f"INCLUDE {rel!r}: not a usable file name", span,
                                                  excerpt=excerpt))
            continue
        try:
            inside = os.path.commonpath([str(target), str(root)]) == str(root)
        except ValueError:
            inside = False
        if not inside or Path(rel).is_absolute():
            sources.diagnostics.append(Diagnostic(
                "E005", f"INCLUDE '{rel}' points outside the story's folder", span, excerpt=excerpt,
                hint=f"included files must live in {root.name}/ or its subfolders"))
            continue
        name = target.relative_to(root).as_posix()
        if name in chain:
            sources.diagnostics.append(Diagnostic(
                "E006", f"INCLUDE cycle: {' -> '.join(chain + (name,))}", span, excerpt=excerpt,
                hint="a file may not include itself, directly or through other files"))
            continue
        sources.includes[(src.name, lineno)] = name
        if name in sources.files:
            continue
        if target not in overlay and not _is_file(target):
            sources.includes[(src.name, lineno)] = None
            sources.diagnostics.append(Diagnostic(
                "E004", f"INCLUDE '{rel}': no such file", span, excerpt=excerpt,
                hint=f"paths are relative to the main story file's folder ({root.name}/)"))
            continue
        try:
            data = _read(target, overlay)
        except TooLarge as exc:
            sources.diagnostics.append(_too_large(exc.size, name))
            sources.includes[(src.name, lineno)] = None
            continue
        except OSError as exc:
            sources.diagnostics.append(Diagnostic("E004", f"INCLUDE '{rel}': {exc.strerror}", span,
                                                  excerpt=excerpt))
            sources.includes[(src.name, lineno)] = None
            continue
        decoded = _decode(data, name, sources.diagnostics)
        if decoded is None:
            sources.includes[(src.name, lineno)] = None
            continue
        child = _make_file(name, target, decoded)
        sources.files[name] = child
        _follow_includes(child, root, sources, chain + (name,), overlay)
