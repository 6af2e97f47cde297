"""The interactive player: story text scrolls through rich, the choice menu is a prompt_toolkit prompt.

At a choice point the menu is drawn inside the prompt so ↑/↓ can move a highlight and Enter (or a
number key) picks; typing `/` starts a command. A number that names no choice stays on the line
for Enter to submit, and is then refused with a message (so that Enter never takes option 1). Keys typed
while the story text is still coming are neither echoed into the text nor kept for the menu: the
terminal does not echo between prompts, and pending input is flushed before each menu. Ctrl-C and
Ctrl-D leave cleanly after an autosave (Ctrl-C with 130, at any prompt or during the text).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import select
import shutil
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol, TextIO

from prompt_toolkit import PromptSession
from prompt_toolkit.application import get_app
from prompt_toolkit.filters import Condition
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.output import ColorDepth
from prompt_toolkit.styles import Style

from dreamphases.player.commands import dispatch
from dreamphases.player.session import Session

__all__ = ["Watcher", "play_interactive", "quiet_keys"]

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

_STYLE = Style.from_dict({
    "number": "bold",
    "selected": "reverse bold",
    "hint": "italic #888888",
    "prompt": "bold",
})


@dataclass(slots=True)
class _Pick:
    index: int


class _Changed:
    """The prompt was left because a watched source file changed (`watch`)."""


class Watcher(Protocol):
    """What `watch` adds to the player: files to poll while the prompt waits, and a reload."""

    interval: float

    def changed(self) -> bool: ...

    def reload(self) -> None: ...


#: Ctrl-C as a byte: what the terminal queues for it while a prompt holds it raw (no signal then)
_CTRL_C = b"\x03"


def _typed_ahead(fd: int) -> bytes:
    """The bytes typed and not read yet, without waiting for more."""
    data = b""
    try:
        while select.select([fd], [], [], 0)[0]:
            chunk = os.read(fd, 1024)
            if not chunk:
                break
            data += chunk
    except OSError:  # the terminal hung up: nothing more to read
        pass
    return data


@contextlib.contextmanager
def quiet_keys(stream: TextIO | None = None) -> Iterator[None]:
    """While the story prints, keys the player types are not echoed into the text (Ctrl-C still
    works). On leaving, whatever was typed meanwhile is discarded, so it cannot pick the next choice
    before the player has seen it. Does nothing where stdin is not a terminal.

    A Ctrl-C typed just after a choice may arrive while the prompt still holds the terminal raw:
    then it is a byte waiting in the input, not a signal, and discarding it would swallow it. So
    what is waiting is read first, on entering and on leaving, and a Ctrl-C among it interrupts
    as the signal would."""
    stream = sys.stdin if stream is None else stream
    try:
        import termios

        fd = stream.fileno()
        if not os.isatty(fd):
            raise OSError
        saved = termios.tcgetattr(fd)
    except (ImportError, OSError, ValueError, AttributeError):
        yield
        return
    quiet = list(saved)
    quiet[3] &= ~(termios.ECHO | termios.ICANON)
    interrupted = False
    try:
        termios.tcsetattr(fd, termios.TCSANOW, quiet)
        if _CTRL_C in _typed_ahead(fd):
            raise KeyboardInterrupt
        yield
    finally:
        interrupted = _CTRL_C in _typed_ahead(fd)
        termios.tcflush(fd, termios.TCIFLUSH)
        termios.tcsetattr(fd, termios.TCSANOW, saved)
    if interrupted:
        raise KeyboardInterrupt


class ChoicePrompt:
    """The menu-in-a-prompt. `read` returns a `_Pick` or the text typed (a command, or noise)."""

    def __init__(self) -> None:
        self.choices: list[str] = []
        self.selected = 0
        bindings = KeyBindings()
        empty = Condition(lambda: not get_app().current_buffer.text)
        has_choices = Condition(lambda: bool(self.choices))

        @bindings.add("up", filter=has_choices & empty)
        def _up(event: KeyPressEvent) -> None:
            self.selected = (self.selected - 1) % len(self.choices)

        @bindings.add("down", filter=has_choices & empty)
        def _down(event: KeyPressEvent) -> None:
            self.selected = (self.selected + 1) % len(self.choices)

        @bindings.add("enter", filter=has_choices & empty)
        def _enter(event: KeyPressEvent) -> None:
            event.app.exit(result=_Pick(self.selected))

        for digit in "123456789":
            @bindings.add(digit, filter=has_choices & empty)
            def _number(event: KeyPressEvent) -> None:
                number = int(event.data)
                if number <= len(self.choices) <= 9:
                    event.app.exit(result=_Pick(number - 1))
                else:
                    # Typed into the line, for Enter to submit: two-digit menus need that, and a
                    # number with no choice behind it is then refused with a message. (Ignoring it
                    # left the Enter meant to confirm it to take the highlighted option 1.)
                    event.current_buffer.insert_text(event.data)

            @bindings.add(digit, filter=~has_choices & empty)
            def _no_menu(event: KeyPressEvent) -> None:
                """At the end there is nothing to pick: a number key does nothing."""

        color_depth = ColorDepth.MONOCHROME if os.environ.get("NO_COLOR") else None
        self.session: PromptSession[object] = PromptSession(
            key_bindings=bindings, style=_STYLE, erase_when_done=True, color_depth=color_depth,
        )

    def _message(self) -> FormattedText:
        width = max(20, shutil.get_terminal_size((80, 24)).columns - 1)
        parts: list[tuple[str, str]] = []
        if self.choices:
            for number, text in enumerate(self.choices, 1):
                label = f"{number}. "
                rows = textwrap.wrap(text, max(10, width - 4 - len(label))) or [""]
                marker = "❯ " if number - 1 == self.selected else "  "
                style = "class:selected" if number - 1 == self.selected else ""
                parts.append(("", marker))
                parts.append(("class:number " + style, label))
                parts.append((style, rows[0]))
                for row in rows[1:]:
                    parts.append(("", "\n" + " " * (2 + len(label))))
                    parts.append((style, row))
                parts.append(("", "\n"))
            hint = "↑/↓ and Enter, or a number · /help for commands"
            if width < 50:
                hint = "↑/↓ Enter or 1-9 · /help"
            parts.append(("class:hint", hint + "\n"))
        else:
            ended = "The story has ended · /undo, /load, /restart, /saves or /quit"
            parts.append(("class:hint", "\n".join(textwrap.wrap(ended, width)) + "\n"))
        parts.append(("class:prompt", "› "))
        return FormattedText(parts)

    def read(self, choices: list[str], watcher: Watcher | None = None) -> object:
        """Show `choices` (as given: the caller may have dressed them) and wait for one. With a
        `watcher`, a change to a watched file ends the wait too (the result is `_Changed`)."""
        if choices != self.choices:
            self.selected = 0
        self.choices = choices
        if watcher is None:
            return self.session.prompt(self._message)

        def poll_while_waiting() -> None:
            app = get_app()

            async def poll() -> None:
                while True:
                    await asyncio.sleep(watcher.interval)
                    if watcher.changed():
                        app.exit(result=_Changed())
                        return

            app.create_background_task(poll())

        return self.session.prompt(self._message, pre_run=poll_while_waiting)


def _ask(question: str) -> str:
    """A plain question (slot name, yes/no). Ctrl-D counts as no answer; Ctrl-C quits (exit 130),
    as it does everywhere else in the player."""
    try:
        return str(PromptSession().prompt(question))
    except EOFError:
        return ""


def _leave(session: Session, status: int) -> int:
    session.renderer.end_partial_line()
    if session.autosaving:
        session.autosave()
        session.renderer.info("Your place is kept in the autosave. Good night.")
    return status


def play_interactive(session: Session, *, resume: bool = False, watcher: Watcher | None = None) -> int:
    """Start (or resume the autosave) and run the prompt loop until the player quits.

    Returns the exit status. Ctrl-C anywhere — at the prompt, or while text is being revealed —
    autosaves and leaves with 130; Ctrl-D at the prompt autosaves and leaves with 0.
    """
    try:
        with quiet_keys():
            if resume:
                if not session.load("autosave", _ask):
                    return EXIT_USAGE
            else:
                session.start()
        return _loop(session, watcher)
    except KeyboardInterrupt:
        return _leave(session, EXIT_INTERRUPTED)


def _loop(session: Session, watcher: Watcher | None = None) -> int:
    prompt = ChoicePrompt()
    console = session.renderer.console
    while True:
        if watcher is not None and watcher.changed():
            with quiet_keys():
                watcher.reload()
        choices = session.choices()
        console.print()
        session.renderer.hud(session.tracker)
        try:
            answer = prompt.read(session.renderer.choice_labels(choices, session.tracker.lucidity()), watcher)
        except EOFError:
            return _leave(session, EXIT_OK)
        if isinstance(answer, _Changed):
            continue
        if isinstance(answer, _Pick):
            with quiet_keys():
                session.choose(answer.index)
            continue
        text = str(answer).strip()
        if text.isdigit():
            number = int(text)
            if 1 <= number <= len(choices):
                with quiet_keys():
                    session.choose(number - 1)
            else:
                offered = f"pick 1 to {len(choices)}" if choices else "the story has ended"
                session.renderer.warn(f"There is no choice {number} here ({offered}).")
        elif text.startswith("/"):
            with quiet_keys():
                outcome = dispatch(session, text, _ask)
            if outcome.quit:
                if session.dirty and session.autosaving:
                    session.renderer.info("Save before you go? Type a slot name, or press Enter to leave "
                                          "(the autosave keeps your place either way).")
                    slot = _ask("slot: ").strip()
                    if slot:
                        session.save(slot)
                return _leave(session, EXIT_ERROR if session.error else EXIT_OK)
        elif text:
            session.renderer.warn("Pick a choice by its number, or type a /command (/help lists them).")
