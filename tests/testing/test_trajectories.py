"""Stat trajectories: spreads per scene and act, saturation, and merging across jobs and shards."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from dreamphases.cli import main
from dreamphases.statspec import StatSpec
from dreamphases.testing.explorer import ExploreOptions, Walker, explore
from dreamphases.testing.report import ExploreReport, build_report, merge_reports
from dreamphases.testing.story import load_story
from dreamphases.testing.trajectories import Samples, TrackConfig, summarise

#: `calm` is pushed to its top by either choice of the first scene and stays there; `mood` wanders.
PINNED = """\
# stat: calm, Calm, 0..10
# stat: mood, Mood, -5..5
VAR calm = 5
VAR mood = 0
-> first
=== function up(d) ===
~ calm = MIN(calm + d, 10)
=== first ===
* [Breathe]
  ~ up(5)
* [Sing]
  ~ up(9)
- -> second
=== second ===
* [Frown]
  ~ mood -= 1
* [Smile]
  ~ mood += 1
- -> third
=== third ===
* [Laugh]
  ~ mood += 1
* [Sigh]
  ~ mood -= 1
- -> fourth
=== fourth ===
* [Sleep] The end. # ending: rest
  -> END
* [Wake] The other end. # ending: awake
  -> END
"""


def _explore(tmp_path: Path, text: str, runs: int = 60, jobs: int = 1, shard: tuple[int, int] = (1, 1),
             track: tuple[str, ...] = (), endings: tuple[str, ...] = ()) -> ExploreReport:
    path = tmp_path / "story.ink"
    path.write_text(text, encoding="utf-8")
    story = load_story(path)
    assert story.graph is not None
    options = ExploreOptions(runs=runs, seed=3)
    options.track = TrackConfig.for_story(story.graph.global_tags, story.graph, track, 60.0, endings)
    walker = Walker(story.json_text, story.graph, options)
    tally = explore(walker, jobs=jobs, shard=shard)
    return build_report(str(path), "x", options, tally, walker, story.graph, shard, [], 0.0, jobs)


def _variable(report: ExploreReport, var: str):  # type: ignore[no-untyped-def]
    assert report.trajectories is not None
    return next(v for v in report.trajectories.variables if v.var == var)


def test_a_stat_pinned_at_its_bound_is_flagged_with_the_scene_and_the_choices(tmp_path: Path) -> None:
    calm = _variable(_explore(tmp_path, PINNED), "calm")
    assert [(s.bound, s.value, s.scene) for s in calm.saturation] == [("high", 10.0, "second")]
    assert {p.choice for p in calm.saturation[0].pushed_by} == {"Breathe", "Sing"}
    assert all(p.scene == "first" and p.line for p in calm.saturation[0].pushed_by)


def test_a_stat_that_moves_both_ways_is_not_flagged(tmp_path: Path) -> None:
    mood = _variable(_explore(tmp_path, PINNED), "mood")
    assert mood.saturation == []
    fourth = next(s for s in mood.scenes if s.where == "fourth")
    assert (fourth.min, fourth.max) == (-2.0, 2.0) and fourth.at_high == 0.0


def test_scenes_follow_story_order_and_count_each_walk_once(tmp_path: Path) -> None:
    calm = _variable(_explore(tmp_path, PINNED, runs=40), "calm")
    assert [s.where for s in calm.scenes] == ["first", "second", "third", "fourth"]
    assert [s.walks for s in calm.scenes] == [40, 40, 40, 40]
    assert calm.scenes[0].median == 5.0 and calm.scenes[1].median == 10.0


def test_a_tracked_variable_without_a_range_has_no_bound_shares(tmp_path: Path) -> None:
    text = PINNED.replace("VAR mood = 0", "VAR mood = 0\nVAR steps = 0").replace(
        "=== third ===", "=== third ===\n~ steps++")
    steps = _variable(_explore(tmp_path, text, track=("steps",)), "steps")
    assert steps.low is None and steps.scenes[-1].at_high is None and steps.scenes[-1].median == 1.0


def test_only_walks_to_the_named_ending_are_counted_but_every_ending_has_its_end_values(tmp_path: Path) -> None:
    report = _explore(tmp_path, PINNED, runs=60, endings=("rest",))
    assert report.trajectories is not None
    rest = next(e for e in report.endings if e.name == "rest")
    assert report.trajectories.walks == rest.count
    calm = _variable(report, "calm")
    assert sorted(e.where for e in calm.endings) == ["awake", "rest"]


def test_jobs_and_shards_give_the_same_trajectories(tmp_path: Path) -> None:
    one = _explore(tmp_path, PINNED, runs=80)
    two = _explore(tmp_path, PINNED, runs=80, jobs=2)
    parts = [_explore(tmp_path, PINNED, runs=80, shard=(i, 3)) for i in (1, 2, 3)]
    merged = merge_reports(parts)
    assert one.trajectories == two.trajectories == merged.trajectories


def test_percentiles_are_nearest_rank_over_walks() -> None:
    samples = Samples(walks=10, scenes={("x", "k"): Counter({0: 1, 1: 8, 10: 1})}, progress={"k": [0, 10]})
    spread = summarise(samples, [StatSpec("x", "X", 0, 10)]).variables[0].scenes[0]
    assert (spread.min, spread.p10, spread.median, spread.p90, spread.max) == (0, 0, 1, 1, 10)
    assert (spread.at_low, spread.at_high) == (0.1, 0.1)


def test_explore_json_carries_the_trajectories_under_stable_keys(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "story.ink"
    path.write_text(PINNED, encoding="utf-8")
    assert main(["explore", str(path), "--runs", "30", "--json", "--saturation", "70"]) == 0
    data = json.loads(capsys.readouterr().out)["trajectories"]
    assert data["format"] == "dreamphases.trajectories/1" and data["saturation_pct"] == 70
    calm = next(v for v in data["variables"] if v["var"] == "calm")
    assert set(calm["scenes"][0]) >= {"where", "act", "progress", "walks", "min", "p10", "median", "p90",
                                      "max", "at_low", "at_high"}
    assert calm["saturation"][0]["scene"] == "second"


def test_the_terminal_picture_names_the_saturated_stat(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "story.ink"
    path.write_text(PINNED, encoding="utf-8")
    main(["explore", str(path), "--runs", "30"])
    out = capsys.readouterr().out
    assert "stat trajectories over 30 walks" in out
    assert "saturated: at its high bound 10" in out and "“Sing” in first" in out


def test_bad_saturation_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "story.ink"
    path.write_text(PINNED, encoding="utf-8")
    assert main(["explore", str(path), "--saturation", "0"]) == 2
    assert "--saturation" in capsys.readouterr().err


def test_map_html_shows_the_trajectories_of_an_explore_report(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "story.ink"
    path.write_text(PINNED, encoding="utf-8")
    report = tmp_path / "report.json"
    assert main(["explore", str(path), "--runs", "30", "--json", "-o", str(report)]) == 0
    page = tmp_path / "map.html"
    assert main(["map", str(path), "--html", str(page), "--explore", str(report)]) == 0
    text = page.read_text(encoding="utf-8")
    assert "<h2>Stat trajectories</h2>" in text and "Saturated: at its high bound 10" in text
    assert "<svg" in text and "“Sing”" in text


def test_map_refuses_a_file_that_is_not_an_explore_report(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "story.ink"
    path.write_text(PINNED, encoding="utf-8")
    bogus = tmp_path / "bogus.json"
    bogus.write_text("{}", encoding="utf-8")
    assert main(["map", str(path), "--html", str(tmp_path / "m.html"), "--explore", str(bogus)]) == 2
    assert "is not an explore report" in capsys.readouterr().err
    assert not (tmp_path / "m.html").exists()


def test_tracking_a_variable_the_story_lacks_is_a_usage_error(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "story.ink"
    path.write_text(PINNED, encoding="utf-8")
    assert main(["explore", str(path), "--track", "nerve"]) == 2
    assert "no global variable `nerve`" in capsys.readouterr().err


def test_a_stat_naming_no_variable_is_skipped_not_a_crash(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "story.ink"
    path.write_text("# stat: ghost, Ghost, 0..10\n" + PINNED, encoding="utf-8")
    assert main(["explore", str(path), "--runs", "10", "--json"]) == 0
    variables = json.loads(capsys.readouterr().out)["trajectories"]["variables"]
    ghost = next(v for v in variables if v["var"] == "ghost")
    assert ghost["scenes"] == [] and ghost["saturation"] == []


def test_trajectories_for_an_ending_the_story_lacks_is_a_usage_error(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "story.ink"
    path.write_text(PINNED, encoding="utf-8")
    assert main(["explore", str(path), "--trajectories-for", "rest,nap"]) == 2
    assert "no ending `nap` (its endings: awake, rest)" in capsys.readouterr().err
