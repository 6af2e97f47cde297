"""Playing without prompts: `--choices`, piped stdin, `--plain`, `--seed`, `--continue`."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from rich.cells import cell_len

from tests.player.storybook import Play, files_snapshot, slot_file, unglitched, write_story


def test_choices_play_through_without_prompts(play: Play, night: Path) -> None:
    result = play(night, "--choices", "2,1,2")
    assert result.returncode == 0, result.stderr
    out = unglitched(result.stdout)  # lucidity falls low on this path: the rendering glitches
    for expected in ["The kitchen is quiet.", '"Are you listening?"', "› Ignore him", "You look away.",
                     "Milo won't forget that.", "Lucidity ↓", "› Open the door", "› Stay",
                     "You stay. The dream keeps you.", "THE END"]:
        assert expected in out
    assert out.index("You look away.") < out.index("Milo won't forget that.") < out.index("› Open the door")


def test_piped_output_has_no_escape_sequences(play: Play, night: Path) -> None:
    assert "\x1b" not in play(night, "--choices", "2,1,2").stdout


def test_tags_never_reach_the_text(play: Play, night: Path) -> None:
    out = play(night, "--choices", "1,1,1").stdout
    tag_texts = ["title:", "author:", "stat:", "mood", "weird", "speaker:", "glitch", "scene:", "nightmare",
                 "# "]
    for tag_text in tag_texts:
        assert tag_text not in out
    assert "Test Night" in out.splitlines()[0]  # the title is the title bar, not a story line


def test_piped_stdin_plays_like_choices(play: Play, night: Path) -> None:
    assert play(night, input="2\n1\n2\n").stdout == play(night, "--choices", "2,1,2").stdout


def test_running_out_of_choices_stops_at_the_menu(play: Play, night: Path) -> None:
    result = play(night, "--choices", "1")
    assert result.returncode == 0
    assert result.stdout.rstrip().endswith("2. Go back to bed")


@pytest.mark.parametrize(("choices", "message"), [
    ("9", "input '9' names no choice here (choices: 1-3)"),
    ("0", "input '0' names no choice here (choices: 1-3)"),
    ("x", "input 'x' names no choice here (choices: 1-3)"),
    ("1,2,1,1", "input '1' names no choice here (choices: none: the story has ended)"),
])
def test_an_input_that_names_no_choice_stops_with_status_2(play: Play, night: Path, choices: str,
                                                           message: str) -> None:
    result = play(night, "--choices", choices)
    assert result.returncode == 2
    assert message in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_commands_work_from_piped_stdin(play: Play, night: Path, saves: Path) -> None:
    result = play(night, input="2\n/stats\n/save evening\n/saves\n")
    assert result.returncode == 0, result.stderr
    assert "Saved to slot 'evening'" in result.stdout
    assert slot_file(saves, "evening").is_file()
    stats_table = result.stdout.split("/stats")[-1] if "/stats" in result.stdout else result.stdout
    assert "-2" in stats_table and "30" in stats_table


def test_the_seed_makes_random_reproducible(play: Play, tmp_path: Path) -> None:
    dice = write_story("dice", tmp_path)
    first = play(dice, "--seed", "42", "--choices", "1").stdout
    assert first == play(dice, "--seed", "42", "--choices", "1").stdout
    assert first != play(dice, "--seed", "43", "--choices", "1").stdout


def test_plain_mode_keeps_inklecates_transcript(play: Play, night: Path) -> None:
    result = play(night, "--plain", input="2\n1\n")
    assert result.stdout == (
        "The kitchen is quiet.\n"
        "# tags: title: Test Night, author: The test suite, stat: lucidity, Lucidity, 0..100, lucidity, "
        "stat: bond_milo, Milo, -10..10, bond, stat: stability, Stability, 0..10, "
        "mood: a global tag no player knows, weird: a line tag no player knows\n"
        "\"Are you listening?\"\n# tags: speaker: Milo\n"
        "\n1: Listen\n2: Ignore him\n3: Leave\n?> "
        "You look away.\nThe hallway hums.\n# tags: glitch: 2, scene: The hallway\n"
        "\n1: Open the door\n2: Go back to bed\n?> "
        "Behind the door, the dream.\n# tags: nightmare\n"
        "\n1: Wake up\n2: Stay\n?> "
    )


def test_plain_mode_matches_the_reference_runtime(play: Play, night: Path, inkjs_run: Path) -> None:
    reference = subprocess.run([str(inkjs_run), "play", str(night)], input="2\n1\n2\n", capture_output=True,
                               text=True, timeout=60)
    assert play(night, "--plain", input="2\n1\n2\n").stdout == reference.stdout


def test_every_choice_autosaves(play: Play, night: Path, saves: Path) -> None:
    play(night, "--choices", "2", "--autosave")
    autosave = json.loads(slot_file(saves, "autosave").read_text(encoding="utf-8"))
    assert autosave["choices"] == [{"index": 1, "text": "Ignore him"}]
    assert autosave["stats"] == {"lucidity": 30.0, "bond_milo": -2.0, "stability": 5.0}
    assert autosave["knot"] == "hallway"


def test_continue_resumes_the_autosave(play: Play, night: Path) -> None:
    play(night, "--choices", "2", "--autosave")
    result = play(night, "--continue", input="/stats\n1\n")
    assert result.returncode == 0, result.stderr
    assert "Loaded slot 'autosave' at hallway" in result.stdout
    assert "The kitchen is quiet." not in result.stdout
    assert "The hallway hums." in unglitched(result.stdout)  # the scene is shown again
    assert "› Open the door" in result.stdout and "Behind the door" in unglitched(result.stdout)


def test_continue_without_an_autosave_says_so(play: Play, night: Path, saves: Path) -> None:
    result = play(night, "--continue")
    assert result.returncode == 2
    assert "there is no save in slot 'autosave'" in result.stdout
    assert not saves.exists()


BAD_AUTOSAVES = [
    ("corrupt", lambda good: good[: len(good) // 2], "is damaged"),
    ("foreign", lambda good: good.replace('"story_id": "test-night', '"story_id": "another-tale'),
     "belongs to another story"),
    ("newer", lambda good: good.replace('"version": 1', '"version": 99'), "written by a newer DreamPhases"),
]


@pytest.mark.parametrize(("case", "spoil", "message"), BAD_AUTOSAVES, ids=[c[0] for c in BAD_AUTOSAVES])
def test_continue_from_a_bad_autosave_explains_and_changes_nothing(
    play: Play, night: Path, saves: Path, case: str, spoil, message: str
) -> None:
    play(night, "--choices", "2", "--autosave")
    play(night, "--choices", "1,/save keep")
    autosave = slot_file(saves, "autosave")
    autosave.write_text(spoil(autosave.read_text(encoding="utf-8")), encoding="utf-8")
    before = files_snapshot(saves)
    result = play(night, "--continue", input="1\n")
    assert result.returncode == 2
    assert message in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert files_snapshot(saves) == before


def test_a_missing_story_is_a_usage_error(play: Play, tmp_path: Path) -> None:
    result = play(tmp_path / "nowhere.ink")
    assert result.returncode == 2
    assert "no such story file" in result.stderr


def test_a_story_that_is_not_ink_json_is_a_usage_error(play: Play, tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.json"
    bogus.write_text('{"hello": "world"}', encoding="utf-8")
    result = play(bogus)
    assert result.returncode == 2
    assert "the runtime could not load this story" in result.stderr
    assert "Traceback" not in result.stderr


def test_no_color_is_honoured(play: Play, night: Path) -> None:
    result = play(night, "--choices", "2", env={"NO_COLOR": "1", "FORCE_COLOR": "1"})
    assert "\x1b[" in result.stdout  # still styled (bold, italic) ...
    colour = re.compile(r"\x1b\[[0-9;]*(?<![0-9])(3[0-8]|9[0-7]|4[0-8])[;m]")
    assert not colour.search(result.stdout)  # ... never coloured


def test_narrow_terminals_wrap_cleanly(play: Play, night: Path) -> None:
    result = play(night, "--choices", "2,1", env={"COLUMNS": "24"})
    assert result.returncode == 0
    assert max(cell_len(row) for row in result.stdout.splitlines()) <= 24
    assert "Behind the door," in unglitched(result.stdout)


def test_a_saves_folder_that_cannot_be_written_warns_once_and_play_goes_on(
    play: Play, night: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("keep me", encoding="utf-8")
    result = play(night, "--choices", "2,1", "--autosave", "--saves", str(blocker))
    assert result.returncode == 0
    assert result.stdout.count("Autosave failed: could not write") == 1
    assert "› Open the door" in result.stdout
    assert blocker.read_text(encoding="utf-8") == "keep me"



def test_the_seed_also_applies_to_plain_mode(play: Play, tmp_path: Path) -> None:
    dice = write_story("dice", tmp_path)
    first = play(dice, "--plain", "--seed", "42", input="1\n").stdout
    assert first == play(dice, "--plain", "--seed", "42", input="1\n").stdout
    assert first != play(dice, "--plain", "--seed", "7", input="1\n").stdout
