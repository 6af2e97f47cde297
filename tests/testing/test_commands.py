"""`dreamphases test`, `record` and `explore` as a user or a CI job runs them: output and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dreamphases.cli import main
from tests.testing.support import STORIES

ENDINGS = str(STORIES / "endings.ink")


def spec(folder: Path, name: str, body: str) -> Path:
    path = folder / f"{name}.playthrough.yaml"
    path.write_text(f"story: {ENDINGS}\nsteps:\n{body}", encoding="utf-8")
    return path


# -- dreamphases test -------------------------------------------------------------------------------

def test_passing_specs_exit_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec(tmp_path, "home", "  - choose: Go home\n  - end: true\n")
    assert main(["test", str(tmp_path)]) == 0
    assert "1 passed, 0 failed" in capsys.readouterr().out


def test_a_failing_spec_exits_one_and_shows_why(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec(tmp_path, "home", "  - choose: Go home\n  - end: true\n")
    spec(tmp_path, "wrong", "  - expect: nowhere\n")
    assert main(["test", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "wrong.playthrough.yaml:3: step 1: expected 'nowhere'" in out
    assert "1 passed, 1 failed" in out


@pytest.mark.parametrize(
    "body",
    ["  - chose: 1\n", None],
    ids=["bad spec", "missing path"],
)
def test_unusable_input_exits_two(tmp_path: Path, body: str | None) -> None:
    target = spec(tmp_path, "bad", body) if body else tmp_path / "nope.playthrough.yaml"
    assert main(["test", str(target)]) == 2


def test_a_spec_whose_story_does_not_exist_is_unusable(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "lost.playthrough.yaml"
    path.write_text("story: missing.ink\nsteps:\n  - end: true\n", encoding="utf-8")
    assert main(["test", str(path)]) == 2
    assert "no such story file" in capsys.readouterr().out


# -- dreamphases record -----------------------------------------------------------------------------

def test_a_recorded_playthrough_passes_as_a_spec(tmp_path: Path) -> None:
    out = tmp_path / "rec.playthrough.yaml"
    assert main(["record", ENDINGS, "-o", str(out), "--choices", "2,1,2"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "choose: Buy a map" in text and "ending: island" in text and "end: true" in text
    assert "stats:" in text  # the declared stat is checked at each step
    assert main(["test", str(out)]) == 0


def test_a_recording_with_a_seed_replays_the_same_random_text(tmp_path: Path) -> None:
    out = tmp_path / "dice.playthrough.yaml"
    story = str(STORIES / "runtime_error.ink")
    assert main(["record", story, "-o", str(out), "--choices", "1", "--seed", "11"]) == 0
    assert "You roll " in out.read_text(encoding="utf-8")
    assert main(["test", str(out)]) == 0


def test_recording_from_stdin_stops_at_an_empty_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("1\n\n"))
    out = tmp_path / "typed.playthrough.yaml"
    assert main(["record", ENDINGS, "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "choose: Board the ferry" in text and "end: true" not in text


def test_a_choice_out_of_range_is_bad_usage(tmp_path: Path) -> None:
    assert main(["record", ENDINGS, "-o", str(tmp_path / "x.yaml"), "--choices", "7"]) == 2


# -- dreamphases explore ----------------------------------------------------------------------------

def test_explore_passes_when_the_expected_endings_are_reached(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explore", ENDINGS, "--exhaustive", "--expect-endings", "home,island,drowned"]) == 0
    assert "3 ending(s), 0 error(s), 0 dead end(s)" in capsys.readouterr().out


def test_explore_fails_when_all_endings_are_expected_and_one_is_unreachable(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explore", ENDINGS, "--exhaustive", "--expect-endings", "all"]) == 1
    assert "expected endings not reached: legend" in capsys.readouterr().out


def test_explore_fails_on_a_runtime_error() -> None:
    assert main(["explore", str(STORIES / "runtime_error.ink"), "--runs", "20"]) == 1


def test_explore_json_is_a_machine_readable_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explore", ENDINGS, "--exhaustive", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["format"] == "dreamphases-explore/3"
    assert {e["name"] for e in report["endings"]} == {"home", "island", "drowned"}
    assert report["timing"]["states_per_second"] > 0


def test_shard_reports_merge_into_the_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parts = []
    for i in (1, 2):
        part = tmp_path / f"part{i}.json"
        main(["explore", ENDINGS, "--runs", "40", "--shard", f"{i}/2", "--json", "-o", str(part)])
        parts.append(str(part))
    whole = tmp_path / "whole.json"
    main(["explore", ENDINGS, "--runs", "40", "--json", "-o", str(whole)])
    capsys.readouterr()
    assert main(["explore", "--merge", *parts, "--json"]) == 0
    merged = json.loads(capsys.readouterr().out)
    expected = json.loads(whole.read_text(encoding="utf-8"))
    for report in (merged, expected):  # one run's timeline: shards' do not add up to one
        for key in ("timing", "milestones", "stop_reason"):
            report.pop(key)
    assert merged == expected


def test_merging_a_shard_twice_is_refused(tmp_path: Path) -> None:
    part = tmp_path / "part.json"
    main(["explore", ENDINGS, "--runs", "10", "--shard", "1/2", "--json", "-o", str(part)])
    assert main(["explore", "--merge", str(part), str(part)]) == 2


def test_merging_a_report_of_an_older_format_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Format /3 dropped `stats.lines` (walks play a copy of the story without line breaks)."""
    part = tmp_path / "part.json"
    main(["explore", ENDINGS, "--runs", "10", "--shard", "1/2", "--json", "-o", str(part)])
    old = json.loads(part.read_text(encoding="utf-8"))
    old["format"], old["stats"]["lines"] = "dreamphases-explore/2", 120
    part.write_text(json.dumps(old), encoding="utf-8")
    capsys.readouterr()
    assert main(["explore", "--merge", str(part)]) == 2
    assert capsys.readouterr().err == (f"error: {part} is a report in format dreamphases-explore/2, and this "
                                       "version writes and merges dreamphases-explore/3: explore that shard again\n")


def test_explore_writes_a_replayable_spec_per_ending(tmp_path: Path) -> None:
    folder = tmp_path / "specs"
    main(["explore", ENDINGS, "--exhaustive", "--specs", str(folder)])
    written = sorted(p.name for p in folder.iterdir())
    assert written == ["ending-drowned.playthrough.yaml", "ending-home.playthrough.yaml",
                       "ending-island.playthrough.yaml"]
    assert main(["test", str(folder)]) == 0


@pytest.mark.parametrize(
    "argv",
    [
        ["explore", "missing.ink"],
        ["explore", ENDINGS, "--shard", "3/2"],
        ["explore", ENDINGS, "--runs", "0"],
        ["explore"],
        ["explore", ENDINGS, "--exhaustive", "--strategy", "guided"],
        ["explore", ENDINGS, "--budget", "0"],
        ["explore", ENDINGS, "--strategy", "guided", "--walk-steps", "0"],
    ],
    ids=["missing story", "bad shard", "no runs", "no story", "two strategies", "no budget", "no walk steps"],
)
def test_explore_bad_usage_exits_two(argv: list[str]) -> None:
    assert main(argv) == 2


def test_a_story_that_does_not_compile_exits_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.ink"
    broken.write_text("-> nowhere\n", encoding="utf-8")
    assert main(["explore", str(broken)]) == 1
    assert "does not compile" in capsys.readouterr().err


def test_merged_shards_can_expect_every_declared_ending(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parts = []
    for i in (1, 2):
        part = tmp_path / f"part{i}.json"
        main(["explore", ENDINGS, "--exhaustive", "--shard", f"{i}/2", "--json", "-o", str(part)])
        parts.append(str(part))
    capsys.readouterr()
    assert main(["explore", "--merge", *parts, "--expect-endings", "all"]) == 1
    assert "expected endings not reached: legend" in capsys.readouterr().out


def test_a_json_file_that_is_not_a_story_is_unusable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bogus = tmp_path / "bogus.json"
    bogus.write_text("this is not json", encoding="utf-8")
    assert main(["explore", str(bogus)]) == 2
    assert "cannot load" in capsys.readouterr().err


def test_record_plays_through_the_same_player_as_play(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "night.playthrough.yaml"
    night = Path(__file__).resolve().parents[1] / "player" / "stories" / "night.ink"
    assert main(["record", str(night), "-o", str(out), "--choices", "2,1"]) == 0
    shown = capsys.readouterr().out
    assert "Lucidity" in shown and "/100" in shown  # the HUD, as in play
    assert "› Ignore him" in shown and "› Open the door" in shown  # the player's own echo of a choice
    assert main(["test", str(out)]) == 0


def test_undo_while_recording_takes_the_step_back_out(tmp_path: Path) -> None:
    out = tmp_path / "undo.playthrough.yaml"
    assert main(["record", ENDINGS, "-o", str(out), "--choices", "2,/undo,1"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "choose: Board the ferry" in text and "choose: Buy a map" not in text
    assert "seed:" in text  # the seed is always written, so RANDOM replays the same
    assert main(["test", str(out)]) == 0


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_story_that_crashes_the_runtime_gets_a_report_not_a_dead_process(
        jobs: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explore", str(STORIES / "segfault.ink"), "--runs", "20", "--jobs", jobs, "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [e["choices"] for e in report["errors"]] == [["Open the box"]]
    assert report["errors"][0]["name"].startswith("RUNTIME ERROR: the runtime crashed the process (SIG")
    assert [e["name"] for e in report["endings"]] == ["away"]


def test_the_guided_strategy_and_the_stopping_rule_from_the_command_line(
        capsys: pytest.CaptureFixture[str]) -> None:
    story = str(STORIES / "coverable.ink")
    assert main(["explore", story, "--strategy", "guided", "--until-covered", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["options"]["mode"] == "guided"
    assert report["stop_reason"] == "everything was covered (--until-covered)"
