"""`dreamphases stats`: words, choices, endings and reading times."""

from __future__ import annotations

import json

import pytest

from dreamphases.cli import main
from dreamphases.tools.stats import compute_stats, format_stats, reading_time, stats_json


def test_words_are_counted_per_knot_with_its_stitches(night):
    stats = compute_stats(night.graph)
    assert stats.words_per_knot == {"": 20, "bed": 150, "wake": 30, "sleep": 200, "unused": 7}
    assert stats.total_words == 407


def test_choices_gated_choices_and_endings(night):
    stats = compute_stats(night.graph)
    assert (stats.choices, stats.gated_choices, stats.endings) == (2, 1, ["asleep", "awake"])
    assert stats.choices_per_knot["bed"] == 2


def test_routes_to_each_ending_shortest_and_longest(night):
    routes = {r.ending: r for r in compute_stats(night.graph).routes}
    assert routes["awake"].shortest_words == 20 + 100 + 50 + 30
    assert routes["awake"].shortest_path == ["", "bed", "bed.dream", "wake"]
    # the loop sleep -> bed is not walked twice; the longest route to `awake` is the plain one
    assert routes["awake"].longest_words == 200
    assert routes["asleep"].shortest_words == 20 + 100 + 50 + 200


def test_longest_stretch_without_a_choice(night):
    stats = compute_stats(night.graph)
    # the stretch begins once the reader has chosen "Sleep on" (choice 1)
    assert (stats.longest_run_words, stats.longest_run_path) == (350, ["#1", "sleep", "bed", "bed.dream"])
    assert stats.longest_run_route == ["“Sleep on”", "sleep", "bed", "bed.dream"]


def test_a_loop_makes_the_longest_route_longer_than_the_shortest(builder):
    g = (builder().knot("a", words=10).knot("b", words=100).knot("c", words=1)
         .edge("", "a").choice("a", "detour", targets=("b",)).choice("a", "on", targets=("c",))
         .edge("b", "c").edge("c", "END", ending="end").ending("end", "c", 1))
    [route] = compute_stats(g.graph).routes
    assert (route.shortest_words, route.longest_words) == (11, 111)


@pytest.mark.parametrize(("words", "text"), [(115, "30 s"), (230, "1.0 min"), (230 * 75, "1 h 15 min")])
def test_reading_time(words, text):
    assert reading_time(words, 230) == text


def test_text_report_names_every_ending_with_times(night):
    text = format_stats(compute_stats(night.graph))
    assert text.startswith("story.ink: 407 words in 4 knots, 2 choices (1 gated), 2 tagged endings")
    assert "awake" in text and "asleep" in text and "230 words a minute" in text


def test_json_report(night):
    data = json.loads(stats_json(compute_stats(night.graph), wpm=100))
    assert data["schema"] == "dreamphases.stats/1"
    assert {r["ending"]: r["shortest_minutes"] for r in data["routes"]} == {"awake": 2.0, "asleep": 3.7}


def test_stats_cli(write_story, capsys):
    story = write_story("""
        Once upon a time.
        * [Go] Off you go. # ending: gone
          -> END
        """)
    assert main(["stats", str(story)]) == 0
    out = capsys.readouterr().out
    assert "1 choices (0 gated), 1 tagged endings" in out and "gone" in out


def test_stats_cli_rejects_a_bad_wpm(capsys, tmp_path):
    assert main(["stats", "--wpm", "0", str(tmp_path / "x.ink")]) == 2
