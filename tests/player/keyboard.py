"""The interactive player in-process: prompt_toolkit's pipe input for keys, a plain console for output.

`play_keys(engine, keys)` runs `play_interactive` exactly as a terminal would — the same menu prompt,
key bindings and `/commands` — but reads `keys` from a pipe and renders the story into a string, so a
test is fast and needs no pseudo-terminal. (`test_interactive.py` keeps the end-to-end pty tests.)
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from dreamphases.player.app import play_interactive
from dreamphases.player.render import Renderer, make_console
from dreamphases.player.session import Session
from dreamphases.player.tags import story_meta
from dreamphases.runtime.engine import Engine

DOWN, UP, ENTER, CTRL_C, CTRL_D = "\x1b[B", "\x1b[A", "\r", "\x03", "\x04"


@dataclass(slots=True)
class Played:
    status: int
    text: str
    session: Session


def new_session(json_text: str, saves: Path, *, story_id: str = "test-night", seed: int = 7,
                saves_why: str = "") -> Session:
    engine = Engine(json_text, host_functions=True)
    meta = story_meta(engine.global_tags())
    renderer = Renderer(make_console(io.StringIO(), terminal=False, width=80), meta)
    return Session(engine, meta, renderer, saves, story_id, seed=seed, saves_why=saves_why)


def play_keys(session: Session, keys: str, *, resume: bool = False) -> Played:
    """Play `session` with `keys` typed in order; end them with Ctrl-D or Ctrl-C (else the player
    would wait for more)."""
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        with create_app_session(input=pipe, output=DummyOutput()):
            status = play_interactive(session, resume=resume)
    output = session.renderer.console.file
    assert isinstance(output, io.StringIO)
    return Played(status, output.getvalue(), session)
