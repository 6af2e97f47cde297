"""The README's console examples, read as a contract: `$ command` lines and the output they print.

A ```console block holds one or more examples. Each starts with a `$ ` line (a shell command, run from
the repository root, with an optional `# comment` after two spaces) and is followed by the output the
command prints, stdout then stderr. In the expected output:

* a line that is only `…` (indented or not) stands for any number of lines, including none;
* a `…` inside a line stands for any text within that line;
* everything else must match exactly (trailing spaces aside).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ELLIPSIS = "…"


@dataclass(slots=True)
class Example:
    command: str
    expected: list[str] = field(default_factory=list)
    line: int = 0  # where the command is in the file (1-based), for failure messages

    @property
    def id(self) -> str:
        return self.command.split("|")[0].strip()[:60]


def examples(markdown: str) -> list[Example]:
    found: list[Example] = []
    in_block = in_console = False
    current: Example | None = None
    for number, line in enumerate(markdown.splitlines(), 1):
        fence = line.strip()
        if fence.startswith("```"):
            in_block = not in_block
            in_console = in_block and fence == "```console"
            current = None
            continue
        if not in_console:
            continue
        if line.startswith("$ "):
            command = re.sub(r"\s{2,}#.*$", "", line[2:]).strip()
            current = Example(command, [], number)
            found.append(current)
        elif current is not None:
            current.expected.append(line.rstrip())
    return found


def _line_pattern(expected: str) -> re.Pattern[str]:
    parts = [re.escape(part) for part in expected.split(ELLIPSIS)]
    return re.compile(".*".join(parts) + r"\Z")


def mismatch(expected: list[str], actual: list[str]) -> str | None:
    """None when `actual` matches `expected` (with elisions); else a description of the first problem."""
    exp = [line.rstrip() for line in expected]
    act = [line.rstrip() for line in actual]
    while exp and not exp[-1]:
        exp.pop()
    while act and not act[-1]:
        act.pop()

    def match(i: int, j: int) -> bool:
        if i == len(exp):
            return j == len(act)
        if exp[i].strip() == ELLIPSIS:
            return any(match(i + 1, k) for k in range(j, len(act) + 1))
        return j < len(act) and bool(_line_pattern(exp[i]).match(act[j])) and match(i + 1, j + 1)

    if match(0, 0):
        return None
    # the first expected line that cannot be found in order, for the message
    j = 0
    for line in exp:
        if line.strip() == ELLIPSIS:
            continue
        pattern = _line_pattern(line)
        while j < len(act) and not pattern.match(act[j]):
            j += 1
        if j == len(act):
            return f"expected line not found (in order): {line!r}"
        j += 1
    return "extra or missing lines where the example shows none elided"
