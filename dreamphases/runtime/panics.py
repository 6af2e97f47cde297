"""Capturing what the Rust runtime prints when it panics, so a report can say what went wrong.

bink turns a panic (say, a division by zero in the story) into a bare "panic crossed the FFI
boundary" RuntimeError, while the real message ("attempt to divide by zero") goes to file descriptor
2 with a backtrace. Inside `capture_panics()` fd 2 points at a temporary file, so `panic_detail()`
can give the real message and the terminal is not flooded.

`RUST_BACKTRACE` is set to 0 only while a capture is open (symbolising a backtrace takes
milliseconds) and restored on exit: the rest of the process, and the programs it starts, keep the
user's environment.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["PanicLog", "capture_panics", "panic_detail"]

_PANIC = re.compile(r"panicked at [^\n]*:\n([^\n]+)")
_ACTIVE: list[PanicLog] = []


class PanicLog:
    """fd 2 redirected to a temporary file while open; `last()` reads the newest panic message."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()
        self._saved_fd: int | None = None
        self._saved_env: str | None = None
        self._read = 0

    def __enter__(self) -> PanicLog:
        sys.stderr.flush()
        self._saved_env = os.environ.get("RUST_BACKTRACE")
        os.environ["RUST_BACKTRACE"] = "0"
        self._saved_fd = os.dup(2)
        os.dup2(self._file.fileno(), 2)
        _ACTIVE.append(self)
        return self

    def __exit__(self, *exc: object) -> None:
        if self in _ACTIVE:
            _ACTIVE.remove(self)
        if self._saved_fd is not None:
            sys.stderr.flush()
            os.dup2(self._saved_fd, 2)
            os.close(self._saved_fd)
            self._saved_fd = None
            if self._saved_env is None:
                os.environ.pop("RUST_BACKTRACE", None)
            else:
                os.environ["RUST_BACKTRACE"] = self._saved_env
        self._file.close()

    def last(self) -> str:
        """The message of the latest panic since the previous call ("" if none was printed)."""
        self._file.seek(self._read)
        data = self._file.read()
        self._read += len(data)
        found = _PANIC.findall(data.decode("utf-8", "replace"))
        return str(found[-1]).strip() if found else ""


@contextmanager
def capture_panics() -> Iterator[PanicLog]:
    """Capture runtime panics for the length of the block (nested captures: the innermost reads)."""
    with PanicLog() as log:
        yield log


def panic_detail() -> str:
    """The latest panic's message from the open capture, or "" (no capture, or nothing printed)."""
    return _ACTIVE[-1].last() if _ACTIVE else ""
