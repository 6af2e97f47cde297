"""Scripted play: choices from `--choices 1,3,2` or from piped stdin, rendered without prompts.

Each input is a 1-based choice number or a `/command` (one per stdin line; numbers may also be
separated by spaces or commas). The menu is printed so a transcript shows what was offered. When
the inputs run out the player stops at the choice point; a number that names no choice stops with
a message and status 2, since a script cannot be asked again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from dreamphases.player.commands import dispatch
from dreamphases.player.session import Session

if TYPE_CHECKING:  # prompt_toolkit is not loaded for scripted play
    from dreamphases.player.app import Watcher

__all__ = ["inputs_from_lines", "play_scripted"]

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def inputs_from_lines(lines: Iterable[str]) -> Iterator[str]:
    """Split raw input lines into inputs: a `/command` line is one input, else each number is.

    In a comma-separated list (`--choices 2,/save evening,1`) each comma-separated part that starts
    with `/` is one command, arguments included.
    """
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if line.startswith("/"):
            yield line
            continue
        for part in line.split(","):
            part = part.strip()
            if part.startswith("/"):
                yield part
            else:
                yield from (token for token in re.split(r"\s+", part) if token)


def play_scripted(session: Session, inputs: Iterable[str], watcher: Watcher | None = None) -> int:
    """Play `inputs` in order. With a `watcher` (`watch` fed from a pipe), changed source files are
    reloaded before each input is taken."""
    pending = iter(inputs)

    def ask(question: str) -> str:
        answer = next(pending, "")
        session.renderer.console.print(f"{question}{answer}")
        return answer

    console = session.renderer.console
    menu_due = True  # print the menu once per arrival at a choice point, not after every /command
    while True:
        choices = session.choices()
        if choices and menu_due:
            console.print()
            session.renderer.hud(session.tracker)
            session.renderer.choices(choices, session.tracker.lucidity())
        menu_due = False
        item = next(pending, None)
        if watcher is not None and watcher.changed():
            watcher.reload()
            choices = session.choices()
            if choices:  # the reloaded story's menu, which the input now answers
                console.print()
                session.renderer.hud(session.tracker)
                session.renderer.choices(choices, session.tracker.lucidity())
        if item is None:
            return EXIT_ERROR if session.error else EXIT_OK
        if item.startswith("/"):
            outcome = dispatch(session, item, ask)
            if outcome.quit:
                return EXIT_ERROR if session.error else EXIT_OK
            menu_due = outcome.moved
            continue
        if not item.isdigit() or not 1 <= int(item) <= len(choices):
            offered = f"1-{len(choices)}" if choices else "none: the story has ended"
            session.renderer.error(f"error: input '{item}' names no choice here (choices: {offered})")
            return EXIT_USAGE
        session.choose(int(item) - 1)
        menu_due = True
