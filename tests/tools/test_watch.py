"""`dreamphases watch`: reload on change and replay the same choices to the same point, without a TTY."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from dreamphases.tools.watch import WatchSession

STORY = """
    Night falls.
    * [Open the door] You open the door.
      -> hall
    * [Stay in bed] You stay. -> END
    === hall ===
    A {long|dark} hall.
    * [Go left] Left. -> END
    * [Go right] Right. -> END
    """


def touch_later(path: Path, text: str) -> None:
    """Rewrite a file so its modification time surely changes (coarse file-system clocks)."""
    before = os.stat(path).st_mtime_ns
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 2_000_000_000, before + 2_000_000_000))


@pytest.fixture
def session(write_story: Callable[..., Path]) -> WatchSession:
    s = WatchSession(write_story(STORY), seed=3)
    first = s.reload()
    assert first.ok, first.errors
    return s


def test_first_load_shows_the_opening_and_its_choices(session):
    assert session.choices() == ["Open the door", "Stay in bed"]


def test_an_edit_replays_the_choices_to_the_same_point(session):
    session.choose(1)
    touch_later(session.story, STORY.replace("A {long|dark} hall.", "A cold hall."))
    assert session.changed() == [session.story]
    outcome = session.reload()
    assert (outcome.ok, outcome.replayed, outcome.lost) == (True, 1, None)
    assert [line.text.strip() for line in outcome.lines][-1] == "A cold hall."
    assert session.choices() == ["Go left", "Go right"]
    assert session.changed() == []


def test_choices_are_matched_by_text_when_an_edit_reorders_them(session):
    session.choose(2)  # Stay in bed
    swapped = STORY.replace("* [Open the door] You open the door.\n  -> hall\n", "").replace(
        "* [Stay in bed] You stay. -> END", "* [Stay in bed] You stay. -> END\n* [Open the door] -> hall")
    touch_later(session.story, swapped)
    outcome = session.reload()
    assert outcome.replayed == 1 and session.history[0].text == "Stay in bed" and session.ended


def test_a_choice_that_no_longer_exists_stops_the_replay_there(session):
    session.choose(1)
    session.choose(2)  # Go right
    touch_later(session.story, STORY.replace("[Go right]", "[Go up]"))
    outcome = session.reload()
    assert (outcome.replayed, outcome.lost_at, outcome.lost.text) == (1, 1, "Go right")
    assert session.choices() == ["Go left", "Go up"]


def test_undoing_the_edit_brings_the_lost_choices_back(session):
    session.choose(1)
    session.choose(2)
    touch_later(session.story, STORY.replace("[Go right]", "[Go up]"))
    session.reload()
    touch_later(session.story, STORY)
    outcome = session.reload()
    assert outcome.replayed == 2 and outcome.lost is None and session.ended


def test_a_compile_error_keeps_the_last_good_version_playing(session):
    session.choose(1)
    touch_later(session.story, STORY + "\n-> nowhere_at_all\n")
    outcome = session.reload()
    assert not outcome.ok and any("nowhere_at_all" in e for e in outcome.errors)
    assert session.choices() == ["Go left", "Go right"]


def test_included_files_are_watched(write_story):
    story = write_story("INCLUDE hall.ink\n-> hall\n", hall__ink="=== hall ===\nA hall. -> END\n")
    s = WatchSession(story)
    assert s.reload().ok
    touch_later(story.parent / "hall.ink", "=== hall ===\nA long hall. -> END\n")
    assert s.changed() == [story.parent / "hall.ink"]
    assert "A long hall." in [line.text.strip() for line in s.reload().lines]


# -- watch plays through the player (one player: HUD, menu, keys and /commands as in `play`) ---------

def _player(session: WatchSession, tmp_path: Path):
    from dreamphases.player.render import Renderer, make_console
    from dreamphases.player.session import Session
    from dreamphases.player.tags import story_meta
    from dreamphases.tools.watch import PlayerWatch

    assert session.engine is not None
    meta = story_meta(session.engine.global_tags())
    renderer = Renderer(make_console(io.StringIO(), terminal=False, width=80), meta)
    player = Session(session.engine, meta, renderer, tmp_path / "saves", "watched", seed=session.seed,
                     autosave=False)
    return player, PlayerWatch(session, player, interval=0.05)


def _text(player) -> str:
    return player.renderer.console.file.getvalue()


def test_at_the_prompt_an_edit_reloads_and_replays_to_the_same_point(session, tmp_path):
    import threading

    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from dreamphases.player.app import play_interactive

    player, watcher = _player(session, tmp_path)
    with create_pipe_input() as keys, create_app_session(input=keys, output=DummyOutput()):
        keys.send_text("1")  # Open the door

        def edit_then_leave() -> None:
            import time

            time.sleep(1.0)  # while the prompt waits at the hall
            touch_later(session.story, STORY.replace("[Go right]", "[Go up]"))
            deadline = time.monotonic() + 30
            while "reloaded" not in _text(player) and time.monotonic() < deadline:
                time.sleep(0.05)
            keys.send_text("2\x04")  # the reloaded menu's second choice, then Ctrl-D

        worker = threading.Thread(target=edit_then_leave)
        worker.start()
        status = play_interactive(player, watcher=watcher)
        worker.join()
    text = _text(player)
    assert status == 0
    assert "main.ink reloaded: replayed 1 choice" in text
    assert "› Go up" in text
    assert "Your place is kept in the autosave" not in text  # watch does not autosave
    assert not (tmp_path / "saves").exists()


def test_scripted_input_reloads_before_each_input(session, tmp_path):
    from dreamphases.player.scripted import play_scripted

    player, watcher = _player(session, tmp_path)
    player.start()

    def inputs():
        yield "1"
        touch_later(session.story, STORY.replace("[Go right]", "[Go up]"))
        yield "7"

    assert play_scripted(player, inputs(), watcher) == 2
    text = _text(player)
    assert "main.ink reloaded: replayed 1 choice" in text
    assert "2. Go up" in text
    assert "names no choice here" in text


def test_a_compile_error_at_the_prompt_is_shown_and_play_goes_on(session, tmp_path):
    from dreamphases.player.scripted import play_scripted

    player, watcher = _player(session, tmp_path)
    player.start()

    def inputs():
        touch_later(session.story, STORY + "\n-> nowhere\n")
        yield "1"

    assert play_scripted(player, inputs(), watcher) == 0
    text = _text(player)
    assert "has errors; still playing the last version that compiled" in text
    assert "› Open the door" in text
