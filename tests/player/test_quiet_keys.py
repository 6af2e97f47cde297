"""`quiet_keys`: what is typed while the story prints is discarded, except a Ctrl-C.

A Ctrl-C typed just after a choice can reach the terminal while the prompt still holds it raw: it
is then queued as a byte, not sent as a signal, and discarding the input would swallow it. These
tests queue the bytes on a pseudo-terminal the way that happens (raw while typed, cooked again after).
"""

from __future__ import annotations

import os
import select
import sys
from collections.abc import Iterator
from typing import TextIO

import pytest

from dreamphases.player.app import quiet_keys

termios = pytest.importorskip("termios")
tty = pytest.importorskip("tty")


@pytest.fixture
def terminal() -> Iterator[tuple[int, TextIO]]:
    """(the keyboard's end, the player's stdin) of a fresh pseudo-terminal."""
    keyboard, player = os.openpty()
    stdin = open(player, encoding="utf-8", closefd=False)  # noqa: SIM115 - closed below
    try:
        yield keyboard, stdin
    finally:
        stdin.close()
        os.close(player)
        os.close(keyboard)


def _typed_while_raw(keyboard: int, stdin: TextIO, keys: bytes) -> None:
    cooked = termios.tcgetattr(stdin.fileno())
    tty.setraw(stdin.fileno(), termios.TCSANOW)
    os.write(keyboard, keys)
    # the pseudo-terminal hands the bytes over asynchronously: wait until they are there to read
    assert select.select([stdin.fileno()], [], [], 5)[0]
    termios.tcsetattr(stdin.fileno(), termios.TCSANOW, cooked)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX terminals only")
def test_a_ctrl_c_queued_while_the_prompt_held_the_terminal_raw_interrupts(terminal: tuple[int, TextIO]) -> None:
    keyboard, stdin = terminal
    _typed_while_raw(keyboard, stdin, b"\r\x03")
    printed = []
    with pytest.raises(KeyboardInterrupt), quiet_keys(stdin):
        printed.append("the next passage")
    assert printed == []  # interrupted before the story prints on


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX terminals only")
def test_other_keys_typed_ahead_are_discarded_without_interrupting(terminal: tuple[int, TextIO]) -> None:
    keyboard, stdin = terminal
    _typed_while_raw(keyboard, stdin, b"2\r")
    with quiet_keys(stdin):
        pass
    with quiet_keys(stdin):  # nothing left to pick the next choice
        assert not _waiting(stdin)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX terminals only")
def test_the_terminal_is_restored_after_an_interrupt(terminal: tuple[int, TextIO]) -> None:
    keyboard, stdin = terminal
    before = termios.tcgetattr(stdin.fileno())
    _typed_while_raw(keyboard, stdin, b"\x03")
    with pytest.raises(KeyboardInterrupt), quiet_keys(stdin):
        pass
    assert termios.tcgetattr(stdin.fileno()) == before


def _waiting(stdin: TextIO) -> bool:
    return bool(select.select([stdin.fileno()], [], [], 0)[0])
