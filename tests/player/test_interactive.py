"""The real interactive player, driven through a pseudo-terminal as a person would drive it."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.player.storybook import files_snapshot, slot_file, write_story

pexpect = pytest.importorskip("pexpect")
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

READY = "/help for commands"  # the menu's hint: drawn once the prompt waits for a key
ENDED = "The story has ended"
DOWN, UP, ENTER, CTRL_C, CTRL_D = "\x1b[B", "\x1b[A", "\r", "\x03", "\x04"

Spawn = Callable[..., "pexpect.spawn"]


@pytest.fixture
def spawn(tmp_path: Path, saves: Path) -> Iterator[Spawn]:
    children: list[pexpect.spawn] = []

    def start(story: Path, *args: str, env: dict[str, str] | None = None, fast: bool = True) -> pexpect.spawn:
        environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "LINES")}
        environment.update({
            "TERM": "xterm-256color", "PROMPT_TOOLKIT_NO_CPR": "1",
            "DREAMPHASES_CACHE_DIR": str(tmp_path / "cache"), **(env or {}),
        })
        pacing = ["--fast"] if fast else []
        child = pexpect.spawn(
            sys.executable, ["-m", "dreamphases", "play", str(story), "--saves", str(saves), *pacing, *args],
            env=environment, cwd=str(tmp_path), encoding="utf-8", timeout=15, dimensions=(40, 100),
        )
        children.append(child)
        return child

    yield start
    for child in children:
        if child.isalive():
            child.terminate(force=True)


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    assert "Traceback" not in (child.before or "")
    return int(child.exitstatus if child.exitstatus is not None else 128 + child.signalstatus)


def words(text: str) -> str:
    """A pattern for `text` however the terminal wrapped and styled it between words."""
    return r"(?:\s|\x1b\[[0-9;]*m)+".join(re.escape(word) for word in text.split())


def stat_row(label: str, value: str, low: str, high: str) -> str:
    """A row of the /stats table, whatever the bar glyphs and spacing."""
    return rf"{label}\s+\S+\s+{re.escape(value)}\s+{re.escape(low)}\.\.{re.escape(high)}"


def test_play_save_quit_and_come_back_to_the_same_place(spawn: Spawn, tmp_path: Path) -> None:
    night = write_story("night", tmp_path)
    child = spawn(night)
    child.expect("Are you listening")
    child.expect(READY)
    child.send(DOWN)  # from "Listen" to "Ignore him"
    child.send(ENTER)
    child.expect("› Ignore him")
    child.expect("Lucidity ↓")
    child.expect("Milo won't forget that.")
    child.expect(READY)
    child.sendline("/save night1")
    child.expect("Saved to slot 'night1'")
    child.expect(READY)
    child.sendline("/quit")
    assert finish(child) == 0

    child = spawn(night)
    child.expect(READY)
    child.sendline("/load night1")
    child.expect("Loaded slot 'night1' at hallway")
    child.expect(READY)
    child.sendline("/stats")
    child.expect(stat_row("Lucidity", "30", "0", "100"))
    child.expect(stat_row("Milo", "-2", "-10", "10"))
    child.expect(stat_row("Stability", "5", "0", "10"))
    child.expect(READY)
    child.send("1")  # "Open the door", as it was offered before the quit
    child.expect("› Open the door")
    child.expect("Stability ↓")
    child.expect("Wake up")
    child.expect(READY)
    child.send(CTRL_D)
    assert finish(child) == 0


def test_arrow_keys_wrap_around_the_menu(spawn: Spawn, tmp_path: Path) -> None:
    child = spawn(write_story("night", tmp_path))
    child.expect(READY)
    child.send(UP)  # from the first choice up to the last
    child.send(ENTER)
    child.expect("› Leave")


def test_a_number_with_no_choice_behind_it_is_refused_and_enter_does_not_take_option_1(
    spawn: Spawn, tmp_path: Path
) -> None:
    child = spawn(write_story("night", tmp_path))
    child.expect(READY)
    child.send("9")
    child.send(ENTER)
    child.expect(r"There is no choice 9 here \(pick 1 to 3\)")
    child.expect(READY)
    assert "›" not in child.before.split("There is no choice")[0][-200:]  # nothing was chosen
    child.send("3")
    child.expect("› Leave")


def test_keys_typed_while_the_text_is_revealed_are_not_echoed_and_do_not_choose(
    spawn: Spawn, tmp_path: Path
) -> None:
    child = spawn(write_story("night", tmp_path), "--reveal", fast=False)
    child.expect("The k")
    child.send("2")  # typed ahead, while the first lines are still being revealed
    child.expect(READY)
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", child.before)
    story_text = shown.split("Lucidity")[0]
    assert "2" not in story_text and "itchen is quiet" in story_text
    assert "› Ignore him" not in shown
    child.send("1")
    child.expect("› Listen")


def test_ctrl_c_at_the_save_before_quitting_prompt_exits_130(spawn: Spawn, tmp_path: Path) -> None:
    child = spawn(write_story("night", tmp_path))
    child.expect(READY)
    child.send("1")
    child.expect(READY)
    child.sendline("/quit")
    child.expect("Save before you go?")
    child.expect("slot:")
    child.send(CTRL_C)
    child.expect("Your place is kept in the autosave")
    assert finish(child) == 130


def test_words_that_name_no_choice_get_a_hint_not_an_error(spawn: Spawn, tmp_path: Path) -> None:
    child = spawn(write_story("night", tmp_path))
    child.expect(READY)
    child.sendline("open the door")
    child.expect("Pick a choice by its number, or type a /command")
    child.expect(READY)
    child.send("1")
    child.expect("› Listen")


@pytest.mark.parametrize(("key", "status"), [(CTRL_C, 130), (CTRL_D, 0)])
def test_ctrl_c_and_ctrl_d_quit_cleanly_after_an_autosave(
    spawn: Spawn, tmp_path: Path, saves: Path, key: str, status: int
) -> None:
    child = spawn(write_story("night", tmp_path))
    child.expect(READY)
    child.send("2")
    child.expect("› Ignore him")
    child.expect(READY)
    child.send(key)
    child.expect("Your place is kept in the autosave")
    assert finish(child) == status
    autosave = json.loads(slot_file(saves, "autosave").read_text(encoding="utf-8"))
    assert autosave["choices"] == [{"index": 1, "text": "Ignore him"}]


def test_undo_steps_back_one_choice_and_its_stat_changes(spawn: Spawn, tmp_path: Path) -> None:
    child = spawn(write_story("night", tmp_path))
    child.expect(READY)
    child.send("2")
    child.expect("Milo won't forget that.")
    child.expect(READY)
    child.sendline("/undo")
    child.expect("Stepped back one choice")
    child.expect("Are you listening")
    child.expect(READY)
    child.sendline("/stats")
    child.expect(stat_row("Lucidity", "60", "0", "100"))
    child.expect(stat_row("Milo", "0", "-10", "10"))
    child.expect(READY)
    child.sendline("/undo")
    child.expect("Nothing to undo")


def test_restart_begins_again_with_fresh_stats(spawn: Spawn, tmp_path: Path) -> None:
    child = spawn(write_story("night", tmp_path))
    child.expect(READY)
    child.send("2")
    child.expect(READY)
    child.sendline("/restart")
    child.expect(r"Start again from the beginning\?")
    child.sendline("y")
    child.expect("Starting again from the beginning")
    child.expect("The kitchen is quiet")
    child.expect(READY)
    child.sendline("/stats")
    child.expect(stat_row("Lucidity", "60", "0", "100"))


def test_restart_asks_first_and_leaves_the_autosave_alone(spawn: Spawn, tmp_path: Path, saves: Path) -> None:
    child = spawn(write_story("night", tmp_path))
    child.expect(READY)
    child.send("2")
    child.expect(READY)
    autosave = slot_file(saves, "autosave")
    kept = autosave.read_bytes()
    child.sendline("/restart")
    child.expect(r"Start again from the beginning\?")
    child.sendline("n")
    child.expect("Not restarted")
    child.expect(READY)
    child.sendline("/restart")
    child.expect(r"Start again from the beginning\?")
    child.sendline("y")
    child.expect("The kitchen is quiet")
    child.expect(READY)
    assert autosave.read_bytes() == kept  # replaced only by the next choice, not by the restart


def test_undo_after_restart_goes_back_to_where_the_player_was(spawn: Spawn, tmp_path: Path, saves: Path) -> None:
    child = spawn(write_story("night", tmp_path))
    child.expect(READY)
    child.send("2")
    child.expect(READY)
    child.sendline("/restart")
    child.expect(r"Start again from the beginning\?")
    child.sendline("y")
    child.expect(READY)
    child.sendline("/undo")
    child.expect("Back to where you were before the restart")
    child.expect(READY)
    assert json.loads(slot_file(saves, "autosave").read_text(encoding="utf-8"))["knot"] == "hallway"


def test_quit_with_unsaved_progress_offers_to_save(spawn: Spawn, tmp_path: Path, saves: Path) -> None:
    child = spawn(write_story("night", tmp_path))
    child.expect(READY)
    child.send("1")
    child.expect(READY)
    child.sendline("/quit")
    child.expect("Save before you go?")
    child.sendline("late")
    child.expect("Saved to slot 'late'")
    assert finish(child) == 0
    assert slot_file(saves, "late").is_file()


def test_help_and_saves_list_what_there_is(spawn: Spawn, tmp_path: Path) -> None:
    child = spawn(write_story("night", tmp_path))
    child.expect(READY)
    child.sendline("/help")
    for usage in ["/save [slot]", "/load [slot]", "/saves", "/stats", "/undo", "/restart", "/help", "/quit"]:
        child.expect(re.escape(usage))
    child.expect(READY)
    child.send("2")
    child.expect(READY)
    child.sendline("/saves")
    child.expect(r"autosave\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+hallway\s+Lucidity 30, Milo -2, Stability 5")


def test_loading_a_missing_or_damaged_slot_explains_and_changes_nothing(
    spawn: Spawn, tmp_path: Path, saves: Path
) -> None:
    child = spawn(write_story("night", tmp_path))
    child.expect(READY)
    child.send("2")
    child.expect(READY)
    slot_file(saves, "broken").write_text('{"format": "dreamphases-save", "ver', encoding="utf-8")
    before = files_snapshot(saves)
    child.sendline("/load nothing-here")
    child.expect("Cannot load: there is no save in slot 'nothing-here'")
    child.expect(READY)
    child.sendline("/load broken")
    child.expect("Cannot load: the save in slot 'broken' is damaged")
    child.expect(READY)
    child.sendline("/load ../../etc")
    child.expect("is not a usable slot name")
    child.expect(READY)
    assert files_snapshot(saves) == before
    child.send("1")
    child.expect("› Open the door")  # still where we were


def _save_two_choices_in(spawn: Spawn, tmp_path: Path) -> None:
    """Play the original story two choices deep, save to slot 'before-edit', quit."""
    child = spawn(write_story("night", tmp_path))
    child.expect(READY)
    child.send("2")
    child.expect(READY)
    child.send("1")
    child.expect(READY)
    child.sendline("/save before-edit")
    child.expect(READY)
    child.send(CTRL_D)
    finish(child)


def test_a_save_from_an_edited_story_offers_a_replay_and_says_where_it_stops(
    spawn: Spawn, tmp_path: Path
) -> None:
    _save_two_choices_in(spawn, tmp_path)
    edited = write_story("night_edited", tmp_path, as_file="night.json")
    child = spawn(edited)
    child.expect(READY)
    child.sendline("/load before-edit")
    child.expect(words("gets through 1 of 2: choice 2 ('Open the door') no longer exists in hallway."))
    child.expect(re.escape("Continue from there? [y/N]"))
    child.sendline("y")
    child.expect("Replayed 1 of 2 choices")
    child.expect("Try the handle")
    child.expect(READY)
    child.sendline("/stats")
    child.expect(stat_row("Lucidity", "30", "0", "100"))


def test_declining_the_replay_leaves_the_game_where_it_was(spawn: Spawn, tmp_path: Path, saves: Path) -> None:
    _save_two_choices_in(spawn, tmp_path)
    child = spawn(write_story("night_edited", tmp_path, as_file="night.json"))
    child.expect(READY)
    before = files_snapshot(saves)
    child.sendline("/load before-edit")
    child.expect(re.escape("[y/N]"))
    child.sendline("n")
    child.expect("Not loaded; you are where you were.")
    child.expect(READY)
    assert files_snapshot(saves) == before
    child.send("1")
    child.expect("› Listen")


def test_no_color_means_no_colour_in_a_terminal(spawn: Spawn, tmp_path: Path) -> None:
    child = spawn(write_story("night", tmp_path), env={"NO_COLOR": "1"})
    child.expect(READY)
    child.send("2")
    child.expect(READY)
    seen = child.before
    colour = re.compile(r"\x1b\[[0-9;]*(?<![0-9])(3[0-8]|9[0-7]|4[0-8])[;m]")
    assert "Milo won't forget that." in seen
    assert not colour.search(seen)


def test_ctrl_c_during_the_reveal_autosaves_and_continue_picks_up_the_rest(
    spawn: Spawn, tmp_path: Path
) -> None:
    night = write_story("night", tmp_path)
    child = spawn(night, "--reveal", fast=False)
    child.expect("The k")  # the first letters of the first line, revealed one by one
    child.send(CTRL_C)
    child.expect("Your place is kept in the autosave")
    # on a line of its own, not on the end of the half-revealed one
    assert re.search(r"\n(?:\x1b\[[0-9;]*m)*$", child.before), repr(child.before[-80:])
    assert finish(child) == 130

    child = spawn(night, "--continue")
    child.expect("Loaded slot 'autosave'")
    child.expect("Are you listening")
    child.expect(READY)
    child.send("1")
    child.expect("› Listen")


def test_the_end_waits_for_a_command_instead_of_vanishing(spawn: Spawn, tmp_path: Path) -> None:
    child = spawn(write_story("night", tmp_path))
    child.expect(READY)
    child.send("1")
    child.expect(READY)
    child.send("2")  # "Go back to bed": the end
    child.expect("THE END")
    child.expect(ENDED)
    child.send("1")  # no choices: a number does nothing
    child.sendline("/undo")
    child.expect("Stepped back one choice")
    child.expect(READY)
    child.send("1")
    child.expect("› Open the door")
