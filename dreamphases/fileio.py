"""Reading and writing the files a user owns, so that nothing they own is lost or exposed.

Writing: temp file in the same folder, fsync, rename — a crash never leaves half a file. The new
file gets the mode an ordinary `open()` would give it (0666 minus the umask), or the mode of the file
it replaces; `mkstemp`'s private 0600 would otherwise leak onto every output. A path that is a
symlink is written *through*: the link stays a link and its target gets the new content. Anything
that is not a regular file (a directory, `/proc`, a device) is refused before a byte is written.

Reading: `read_limited` reads only regular files, and only up to a size limit, so a path that
points at `/dev/zero` or a FIFO gives a message instead of a hang or a MemoryError.

Every failure is an `OSError` whose message is written for a person (`describe`).
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

__all__ = ["describe", "is_same_file", "read_limited", "write_atomic", "default_mode"]


def default_mode() -> int:
    """The mode `open(path, "w")` would give a new file under the current umask."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def describe(exc: OSError) -> str:
    """`exc` as a short sentence: the OS's words for the errno, never a Python repr."""
    return exc.strerror or str(exc)


def _resolve_target(path: Path) -> Path:
    """Where writing `path` must land: the end of its symlink chain (the link itself is kept)."""
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def write_atomic(path: Path, text: str, *, inputs: Iterable[Path] = ()) -> None:
    """Replace `path` with `text` atomically. Raises OSError (see `describe`) and writes nothing when
    `path` is a directory or other non-regular file, or is one of `inputs` (never overwrite an input)."""
    target = _resolve_target(Path(path))
    for source in inputs:
        if is_same_file(target, Path(source)):
            raise OSError(errno.EINVAL, f"refusing to overwrite the input file {source}")
    try:
        existing = os.stat(target)
    except FileNotFoundError:
        existing = None
    except NotADirectoryError as exc:
        raise OSError(errno.ENOTDIR, f"{target.parent} is not a folder") from exc
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        kind = "a folder" if stat.S_ISDIR(existing.st_mode) else "not a regular file"
        raise OSError(errno.EISDIR if kind == "a folder" else errno.EINVAL, f"{target} is {kind}")
    mode = stat.S_IMODE(existing.st_mode) if existing is not None else default_mode()
    directory = target.parent if str(target.parent) else Path(".")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:  # name the file the user asked for, not our temp file
        raise OSError(exc.errno, exc.strerror or str(exc), str(target)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            os.fchmod(fh.fileno(), mode)
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    try:  # make the rename itself durable
        dfd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass


def is_same_file(a: Path, b: Path) -> bool:
    """True when `a` and `b` name the same file on disk (through symlinks and hard links)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of `path`, a regular file of at most `limit` bytes. Raises OSError with a message.

    The file is opened non-blocking (a FIFO would otherwise block the open itself), then checked
    with fstat on the open descriptor, so a swap between the check and the read is impossible.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        if info.st_size > limit:
            raise OSError(errno.EFBIG, f"the file is too big ({info.st_size:,} bytes; the limit is {limit:,})")
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                break
            total += len(chunk)
            if total > limit:  # grew while we read
                raise OSError(errno.EFBIG, f"the file is too big (over {limit:,} bytes)")
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
