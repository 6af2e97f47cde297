"""The interactive player, in-process (prompt_toolkit pipe input): keys, menus, commands, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dreamphases.saving import SaveStore
from tests.player.keyboard import CTRL_C, CTRL_D, DOWN, ENTER, new_session, play_keys
from tests.player.storybook import compiled_json

# (the '[' of the escape sequence on the choice is written '\\[': inklecate reads a bare '[' there as
# the start of the choice-only text)
ESC_STORY = """# title: Escapes
VAR calm = 1
# stat: calm, Ca\x1b[31mlm, 0..10
Plain \x1b[2J\x1b]0;pwned\x07text.
* [Go \x1b\\[5mon]
  ~ calm++
  Done\x9b31m here. -> END
"""


@pytest.fixture
def saves(tmp_path: Path) -> Path:
    return tmp_path / "saves"


def test_a_number_key_picks_and_ctrl_d_leaves_with_0(saves: Path) -> None:
    played = play_keys(new_session(compiled_json("night"), saves), "2" + CTRL_D)
    assert played.status == 0
    assert "› Ignore him" in played.text and "Your place is kept in the autosave" in played.text


def test_arrows_and_enter_pick_the_highlighted_choice(saves: Path) -> None:
    played = play_keys(new_session(compiled_json("night"), saves), DOWN + DOWN + ENTER + CTRL_D)
    assert "› Leave" in played.text


def test_ctrl_c_at_the_menu_leaves_with_130_after_an_autosave(saves: Path) -> None:
    played = play_keys(new_session(compiled_json("night"), saves), "2" + CTRL_C)
    assert played.status == 130
    assert SaveStore(saves, "test-night").read("autosave").choices[0].text == "Ignore him"


def test_an_out_of_range_number_is_refused_and_the_next_enter_is_a_fresh_pick(saves: Path) -> None:
    played = play_keys(new_session(compiled_json("night"), saves), "7" + ENTER + CTRL_D)
    assert "There is no choice 7 here (pick 1 to 3)." in played.text
    assert "›" not in played.text  # nothing was chosen


def test_restart_needs_a_yes_and_undo_brings_the_old_place_back(saves: Path) -> None:
    session = new_session(compiled_json("night"), saves)
    played = play_keys(session, "2" + "/restart" + ENTER + "n" + ENTER + "/restart" + ENTER + "y" + ENTER
                       + "/undo" + ENTER + CTRL_D)
    assert "Not restarted; you are where you were." in played.text
    assert "Starting again from the beginning." in played.text
    assert "Back to where you were before the restart." in played.text
    assert [record.text for record in session.history] == ["Ignore him"]


def test_text_from_the_story_reaches_the_screen_without_control_sequences(tmp_path: Path, saves: Path) -> None:
    from dreamphases.compiler import compile_source

    json_text = compile_source(ESC_STORY).json_text
    assert json_text is not None
    played = play_keys(new_session(json_text, saves, story_id="escapes"), "1" + "/stats" + ENTER + CTRL_D)
    assert "Plain text." in played.text and "› Go on" in played.text and "Done here." in played.text
    assert not any(ch in played.text for ch in "\x1b\x07\x9b")


def test_text_from_a_save_file_reaches_the_screen_without_control_sequences(saves: Path) -> None:
    first = new_session(compiled_json("night"), saves)
    play_keys(first, "2" + CTRL_D)
    autosave = SaveStore(saves, "test-night").path("autosave")
    data = json.loads(autosave.read_text(encoding="utf-8"))
    data["knot"] = "hall\x1b]52;c;ZXZpbA==\x07way"
    data["recent"] = [{"text": "The hallway \x1b[2J\x1b[Hhums.\n", "tags": ["speaker: \x1b[31mMilo"]}]
    autosave.write_text(json.dumps(data), encoding="utf-8")
    played = play_keys(new_session(compiled_json("night"), saves), "/saves" + ENTER + CTRL_D, resume=True)
    assert "Loaded slot 'autosave' at hallway" in played.text
    assert "hums." in played.text
    assert not any(ch in played.text for ch in "\x1b\x07")


def test_saves_says_which_folder_is_in_use_and_why(saves: Path) -> None:
    session = new_session(compiled_json("night"), saves, saves_why="your user data folder")
    played = play_keys(session, "/saves" + ENTER + "2" + "/saves" + ENTER + CTRL_D)
    text = " ".join(played.text.split())  # rich wraps long paths
    assert f"No saves yet in {saves / 'test-night'} (your user data folder)." in text
    assert f"Saves in {saves / 'test-night'} (your user data folder):" in text
