"""Text from files, made safe to print: no terminal control sequences reach the screen.

A story, a save or a spec is data someone else may have written. An escape sequence in it could
recolour the terminal, move the cursor over earlier output, retitle the window, or (on some
terminals) write to the clipboard or the screen's answerback. So everything read from a file is
passed through `printable` before it is printed, styled or not: escape sequences (CSI, OSC, DCS and
the rest) are removed whole, and every other C0/C1 control character except tab and newline is
dropped. Visible text, including every non-Latin script, emoji and combining marks, is kept.
"""

from __future__ import annotations

import re

__all__ = ["printable", "clip_around"]

# ESC followed by: a CSI sequence, an OSC/DCS/SOS/PM/APC string (ended by BEL or ST), or one
# intermediate-and-final byte pair; then the 8-bit forms of CSI and the string introducers.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"                      # CSI … final
    r"|\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC, DCS, SOS, PM, APC … BEL/ST
    r"|\x1b[ -/]*[0-~]"                             # two-byte and nF escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"                       # 8-bit CSI
    r"|[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # 8-bit string introducers
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """`text` without terminal control sequences or control characters (tab and newline stay)."""
    if text.isprintable():  # the common case: nothing to do
        return text
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def clip_around(line: str, column: int, width: int = 100) -> tuple[str, int]:
    """A window of at most about `width` characters of `line` around the 0-based `column`, with `…`
    where text was cut, and the column's new position: a 6,000-character line shows a readable
    excerpt with the caret still under the right character."""
    if len(line) <= width:
        return line, column
    half = width // 2
    start = max(0, min(column - half, len(line) - width))
    end = min(len(line), start + width)
    head = "…" if start > 0 else ""
    tail = "…" if end < len(line) else ""
    return head + line[start:end] + tail, column - start + len(head)
