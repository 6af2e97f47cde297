"""Runaway stories stop with a clear error, and Ctrl-C always works (issue 12, items 7 and 8).

The runaway stories run in a child process with a timeout and a memory cap, so a regression fails
the test instead of hanging the suite or eating the machine.
"""

from __future__ import annotations

import os
import resource
import select
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import IO

import pytest

from dreamphases.compiler import compile_source
from dreamphases.runtime.engine import Budget, BudgetExceeded, Engine

SILENT_LOOP = """\
The lamp flickers.
* [Stay] You stay.
  -> spin
* [Go] -> END
=== spin ===
- (l)
-> l
"""

ENDLESS_RECURSION = """\
Counting sheep.
~ temp n = sheep(1)
Never printed.
=== function sheep(x) ===
~ return sheep(x + 1)
"""


def _json(source: str) -> str:
    result = compile_source(textwrap.dedent(source), "story.ink")
    assert result.json_text is not None, [d.message for d in result.diagnostics]
    return result.json_text


def _write(tmp_path: Path, source: str) -> Path:
    path = tmp_path / "story.ink"
    path.write_text(source, encoding="utf-8")
    return path


def _limit_memory() -> None:  # in the child: 1.5 GB of address space, so a leak fails instead of swapping
    resource.setrlimit(resource.RLIMIT_AS, (1536 << 20, 1536 << 20))


def _play(story: Path, picks: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, DREAMPHASES_CACHE_DIR=str(story.parent / "cache"), NO_COLOR="1")
    return subprocess.run([sys.executable, "-m", "dreamphases", "play", "--plain", str(story)], input=picks,
                          capture_output=True, text=True, timeout=timeout, env=env, cwd=story.parent,
                          preexec_fn=_limit_memory)


def test_a_silent_loop_stops_at_the_time_budget_naming_where_and_the_choices_taken() -> None:
    engine = Engine(_json(SILENT_LOOP), budget=Budget(seconds=0.3))
    assert engine.next_text() == "The lamp flickers.\n"
    engine.choose(0)
    started = time.monotonic()
    with pytest.raises(BudgetExceeded) as caught:
        while engine.can_continue():
            engine.next_text()
    assert time.monotonic() - started < 5
    message = str(caught.value)
    assert "endless loop" in message and "`spin.l`" in message and "“Stay”" in message
    assert caught.value.trail == ["Stay"] and caught.value.where == "spin.l"


def test_a_silent_loop_stops_at_a_budget_of_cpu_time() -> None:
    engine = Engine(_json(SILENT_LOOP), budget=Budget(work_seconds=0.1))
    engine.next_text()
    engine.choose(0)
    with pytest.raises(BudgetExceeded) as caught:
        while engine.can_continue():
            engine.next_text()
    assert "0.1 s of CPU time" in str(caught.value) and caught.value.where == "spin.l"


def test_endless_recursion_stops_at_the_call_depth_budget() -> None:
    engine = Engine(_json(ENDLESS_RECURSION), budget=Budget(call_depth=2_000))
    with pytest.raises(BudgetExceeded) as caught:  # the runtime looks ahead past the first line
        engine.next_text()
    message = str(caught.value)
    assert "endless recursion" in message and "`sheep`" in message and "before any choice" in message


@pytest.mark.parametrize("budget", [Budget(seconds=0.2), Budget(work_seconds=0.1)])
def test_a_runaway_line_keeps_the_runtime_which_plays_on_from_a_loaded_state(budget: Budget) -> None:
    """The runtime is not built again after a runaway line: once a big story has played, a new one
    cannot reuse the old one's fragmented memory, and an explorer meeting the loop on every walk grew
    without bound."""
    engine = Engine(_json(SILENT_LOOP), budget=budget)
    runtime = engine.story
    start = engine.save_state()
    engine.next_text()
    engine.choose(0)
    with pytest.raises(BudgetExceeded):
        while engine.can_continue():
            engine.next_text()
    assert engine.story is runtime and not engine.can_continue() and not engine.errors
    engine.load_state(start)
    assert engine.next_text() == "The lamp flickers.\n"
    assert engine.choices() == ["Stay", "Go"]
    engine.choose(1)
    while engine.can_continue():
        engine.next_text()
    assert not engine.choices() and not engine.errors


def test_a_line_that_only_takes_a_while_is_not_cut_short() -> None:
    busy = "~ temp total = count(3000)\nTotal {total}.\n=== function count(n) ===\n" \
           "{ n <= 0: \n~ return 0\n}\n~ return 1 + count(n - 1)\n"
    engine = Engine(_json(busy), budget=Budget(slice_ms=0.01))  # many slices, each one checked
    assert engine.next_text() == "Total 3000.\n"


class _WaitingStory:
    """The runtime as a loaded machine shows it: the first slices of a line run out while the process
    waits for a core (no work done), then the line completes. Counts the states saved meanwhile."""

    def __init__(self, story: object, lost_slices: int) -> None:
        self._story, self._lost, self.saves = story, lost_slices, 0

    def continue_async(self, slice_ms: float) -> bool:
        if self._lost:
            self._lost -= 1
            return False
        return bool(self._story.continue_async(slice_ms))  # type: ignore[attr-defined]

    def save_state(self) -> str:
        self.saves += 1
        return str(self._story.save_state())  # type: ignore[attr-defined]

    def __getattr__(self, name: str) -> object:
        return getattr(self._story, name)


def test_slices_lost_to_waiting_for_a_core_do_not_read_the_state() -> None:
    """Reading the call depth saves and parses the whole state: it is done per slice of work done,
    so a busy machine (slices running out with nothing done) does not slow every line down."""
    engine = Engine(_json(SILENT_LOOP))
    waiting = _WaitingStory(engine.story, lost_slices=5)
    engine.story = waiting  # type: ignore[assignment]
    assert engine.next_text() == "The lamp flickers.\n"
    assert waiting.saves == 0


def test_advancing_a_line_does_not_read_its_text() -> None:
    engine = Engine(_json(SILENT_LOOP))
    read: list[str] = []
    story = engine.story
    engine.story = type("Story", (), {  # type: ignore[assignment]
        "__getattr__": lambda self, name: getattr(story, name),
        "get_current_text": lambda self: read.append("text") or story.get_current_text(),
    })()
    engine.advance()
    assert read == [] and engine.text() == "The lamp flickers.\n"


@pytest.mark.parametrize("source, what", [(SILENT_LOOP, "endless loop"), (ENDLESS_RECURSION, "endless recursion")])
def test_play_reports_a_runaway_story_and_exits_1(tmp_path: Path, source: str, what: str) -> None:
    done = _play(_write(tmp_path, source), "1\n")
    assert done.returncode == 1, done.stderr
    assert what in done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def _read_until(stream: IO[bytes], marker: bytes, seconds: float) -> bytes:
    """What the child printed up to `marker`, waiting at most `seconds` (never blocks the suite)."""
    seen, deadline = b"", time.monotonic() + seconds
    while marker not in seen:
        left = deadline - time.monotonic()
        assert left > 0, f"the child did not print {marker!r}; it printed {seen!r}"
        if select.select([stream], [], [], left)[0]:
            chunk = os.read(stream.fileno(), 4096)
            assert chunk, f"the child ended before printing {marker!r}: {seen!r}"
            seen += chunk
    return seen


def test_ctrl_c_interrupts_a_silent_loop(tmp_path: Path) -> None:
    story = _write(tmp_path, SILENT_LOOP)
    env = dict(os.environ, DREAMPHASES_CACHE_DIR=str(tmp_path / "cache"), NO_COLOR="1", PYTHONUNBUFFERED="1")
    child = subprocess.Popen([sys.executable, "-m", "dreamphases", "play", "--plain", str(story)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env=env, preexec_fn=_limit_memory)
    try:
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write(b"1\n")  # the plain player reads its picks first
        child.stdin.close()
        _read_until(child.stdout, b"?> ", 60)  # started, and has taken the choice into the loop
        time.sleep(1.0)  # now inside the loop, well before the 5 s budget would stop it
        sent = time.monotonic()
        child.send_signal(signal.SIGINT)
        child.wait(timeout=20)
        assert child.stderr is not None
        err = child.stderr.read()
        assert time.monotonic() - sent < 3, "Ctrl-C took as long as the budget: it did not interrupt"
        assert child.returncode == 130, err
        assert b"Traceback" not in err
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
