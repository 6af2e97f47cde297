"""The plain transcript mode: exactly what inklecate's command-line play mode prints.

This is the contract the ink-proof conformance suite checks byte for byte, so it must not grow any
decoration: each line as `Continue()` returns it, `# tags: a, b` after a tagged line, and at a choice
point a blank line, `N: text` per choice and the `?> ` prompt.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from dreamphases.runtime.engine import Engine, StoryRuntimeError
from dreamphases.textsafe import printable

__all__ = ["play_plain"]


def _drain(engine: Engine, out: TextIO) -> bool:
    """Print lines until the story needs a choice. Returns False after a runtime error.

    When the story stops mid-line (`-> DONE` straight after text), inklecate's player still ends
    the line, so the transcript does too.
    """
    last = ""
    while engine.can_continue():
        try:
            line = engine.next_line()
        except StoryRuntimeError as exc:
            out.write(printable(exc.text))
            message = printable(str(exc))
            if not message.startswith("RUNTIME ERROR"):
                message = f"RUNTIME ERROR: {message}"
            out.write(message + "\n")
            return False
        text = printable(line.text)
        out.write(text)
        last = text or last
        if line.tags:
            out.write("# tags: " + printable(", ".join(line.tags)) + "\n")
    if last and not last.endswith("\n") and not engine.choices():
        out.write("\n")
    return True


def play_plain(engine: Engine, picks: Iterable[int], out: TextIO) -> int:
    """Play with 1-based choice numbers from `picks`. Returns an exit status: 0 ok, 1 a runtime error,
    2 a pick that names no choice (unusable input, as everywhere else; the transcript line stays
    inklecate's)."""
    pending = iter(picks)
    if not _drain(engine, out):
        return 1
    while True:
        choices = engine.choices()
        if not choices:
            return 0
        out.write("\n")
        for number, text in enumerate(choices, 1):
            out.write(f"{number}: {printable(text)}\n")
        out.write("?> ")
        pick = next(pending, None)
        if pick is None:
            return 0
        if not 1 <= pick <= len(choices):
            out.write("Choice out of range\n")
            return 2
        engine.choose(pick - 1)
        if not _drain(engine, out):
            return 1
