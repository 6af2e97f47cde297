"""`dreamphases play` keeps the player's saves: scripted runs, other stories, unreadable autosaves, seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.player.storybook import Play, files_snapshot, slot_file, write_story


def test_scripted_runs_leave_the_autosave_alone(play: Play, night: Path, saves: Path) -> None:
    play(night, "--choices", "2", "--autosave")
    before = files_snapshot(saves)
    assert play(night, "--choices", "1,1").returncode == 0
    assert play(night, input="1\n1\n").returncode == 0
    assert play(night, "--continue", input="1\n").returncode == 0
    assert files_snapshot(saves) == before


def test_a_scripted_run_saves_when_asked(play: Play, night: Path, saves: Path) -> None:
    play(night, "--choices", "2,/save evening")
    assert slot_file(saves, "evening").is_file()
    assert not slot_file(saves, "autosave").exists()


def test_two_stories_with_one_file_name_keep_separate_autosaves(play: Play, tmp_path: Path, saves: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = write_story("night", tmp_path / "a", as_file="story.json")
    b = write_story("night", tmp_path / "b", as_file="story.json")
    play(a, "--choices", "2", "--autosave")
    play(b, "--choices", "1", "--autosave")
    resumed = play(a, "--continue")
    assert resumed.returncode == 0, resumed.stdout
    assert "Loaded slot 'autosave' at hallway" in resumed.stdout
    assert len(list(saves.iterdir())) == 2


@pytest.mark.parametrize("spoil", [
    lambda text: text.replace('"version": 1', '"version": 99'),
    lambda text: text[: len(text) // 2],
], ids=["newer", "damaged"])
def test_a_new_game_never_overwrites_an_autosave_it_could_not_load(
    play: Play, night: Path, saves: Path, spoil
) -> None:
    play(night, "--choices", "2", "--autosave")
    autosave = slot_file(saves, "autosave")
    autosave.write_text(spoil(autosave.read_text(encoding="utf-8")), encoding="utf-8")
    kept = autosave.read_bytes()
    assert play(night, "--continue").returncode == 2
    result = play(night, "--choices", "1,1", "--autosave")
    assert result.returncode == 0
    assert "This game will not autosave" in result.stdout and "is kept as it is" in result.stdout
    assert autosave.read_bytes() == kept


@pytest.mark.parametrize("seed", [str(2**63), str(-(2**63) - 1), "99999999999999999999999", "seven"])
def test_a_seed_the_runtime_cannot_take_is_a_usage_error(play: Play, night: Path, seed: str) -> None:
    for mode in (["--choices", "1"], ["--plain"]):
        result = play(night, "--seed", seed, *mode)
        assert result.returncode == 2
        assert "--seed" in result.stderr and "Traceback" not in result.stderr


def test_the_largest_seed_is_fine(play: Play, night: Path) -> None:
    assert play(night, "--seed", str(2**63 - 1), "--choices", "1").returncode == 0


def test_a_save_with_an_out_of_range_seed_is_refused_with_a_message(play: Play, night: Path, saves: Path) -> None:
    play(night, "--choices", "2", "--autosave")
    autosave = slot_file(saves, "autosave")
    data = json.loads(autosave.read_text(encoding="utf-8"))
    autosave.write_text(json.dumps({**data, "seed": 2**64}), encoding="utf-8")
    result = play(night, "--continue")
    assert result.returncode == 2
    assert "damaged: seed" in result.stdout and "Traceback" not in result.stdout + result.stderr


def test_an_autosave_from_before_save_ids_carried_the_location_still_continues(
    play: Play, night: Path, saves: Path
) -> None:
    play(night, "--choices", "2", "--autosave")
    new_place = slot_file(saves, "autosave")
    old_place = saves / "test-night" / "autosave.json"  # where earlier versions kept it
    old_place.parent.mkdir()
    data = json.loads(new_place.read_text(encoding="utf-8"))
    old_place.write_text(json.dumps({**data, "story_id": "test-night"}), encoding="utf-8")
    new_place.unlink()
    kept = old_place.read_bytes()
    resumed = play(night, "--continue", input="1\n")
    assert resumed.returncode == 0, resumed.stdout
    assert "Loaded slot 'autosave' at hallway" in resumed.stdout
    assert old_place.read_bytes() == kept  # read, never rewritten


def test_an_old_save_of_another_story_with_the_same_name_is_not_taken(play: Play, night: Path, saves: Path) -> None:
    play(night, "--choices", "2", "--autosave")
    new_place = slot_file(saves, "autosave")
    old_place = saves / "test-night" / "autosave.json"
    old_place.parent.mkdir()
    data = json.loads(new_place.read_text(encoding="utf-8"))
    old_place.write_text(json.dumps({**data, "story_id": "test-night", "story_hash": "0" * 64}), encoding="utf-8")
    new_place.unlink()
    assert play(night, "--continue").returncode == 2
