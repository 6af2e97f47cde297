"""Presentation: tags, speakers, glitches and the HUD — deterministic, and never losing the words."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dreamphases.player.render import Renderer, glitch, hud_text, make_console, speaker_colour
from dreamphases.player.tags import line_style, story_meta
from dreamphases.runtime.engine import Engine, Line
from dreamphases.runtime.stats import StatTracker
from tests.player.storybook import compiled_json, unglitched


@given(st.text(alphabet=st.characters(blacklist_categories=("Mn", "Cs")), max_size=80), st.integers(0, 5))
def test_glitching_keeps_every_character_in_order(text: str, level: int) -> None:
    if any(noise in text for noise in "░▒▓▚▞"):
        return
    assert unglitched(glitch(text, level)) == text


def test_glitching_is_the_same_every_time_for_the_same_line() -> None:
    line = "The hallway hums, and the walls breathe."
    assert glitch(line, 3) == glitch(line, 3) != line


def test_a_stronger_glitch_corrupts_more() -> None:
    line = "Every night the same dream, and every night a little less of me wakes up. " * 3
    sizes = [len(glitch(line, level)) for level in range(6)]
    assert sizes == sorted(sizes) and sizes[0] == len(line) and sizes[5] > sizes[1]


def test_speaker_colours_are_stable_across_processes() -> None:
    script = "from dreamphases.player.render import speaker_colour; print(speaker_colour('Milo'))"
    env = dict(os.environ, PYTHONHASHSEED="12345")
    other = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    assert other.stdout.strip() == speaker_colour("Milo") == speaker_colour(" milo ")


def test_different_speakers_mostly_get_different_colours() -> None:
    names = ["Milo", "Lyra", "Zara", "Julian", "Irusion"]
    assert len({speaker_colour(name) for name in names}) >= 4


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["speaker: Milo"], {"speaker": "Milo"}),
        (["glitch"], {"glitch": 1}),
        (["glitch: 3"], {"glitch": 3}),
        (["glitch: 99"], {"glitch": 5}),
        (["glitch: lots"], {"glitch": 1}),
        (["nightmare"], {"nightmare": True}),
        (["scene: The hallway"], {"scene": "The hallway"}),
        (["pause"], {"pause": True}),
        (["weird: thing", "title: X", "stat: a, A, 0..1"], {}),
    ],
)
def test_line_tags_set_the_presentation_and_unknown_tags_do_nothing(tags: list[str], expected: dict) -> None:
    style = line_style(tags)
    defaults = {"speaker": None, "glitch": 0, "nightmare": False, "scene": None, "pause": False}
    assert {key: getattr(style, key) for key in defaults} == {**defaults, **expected}


def test_global_tags_configure_title_author_and_stats() -> None:
    meta = story_meta(["title: Test Night", "author: Us", "stat: a, A, 0..1", "mood: x"])
    assert (meta.title, meta.author, [s.var for s in meta.stats]) == ("Test Night", "Us", ["a"])


def render(lines: list[Line], lucidity: float | None = None, width: int = 80) -> str:
    out = io.StringIO()
    renderer = Renderer(make_console(out, terminal=False, width=width), story_meta([]))
    for line in lines:
        renderer.line(line, lucidity)
    return out.getvalue()


def test_tags_are_never_printed_as_text() -> None:
    shown = render([Line("Hello.\n", ["title: T", "weird: thing", "stat: a, A, 0..1", "glitch: 0"])])
    assert shown == "Hello.\n"


def test_a_speaker_line_is_labelled_unless_it_opens_with_the_name() -> None:
    shown = render([Line('"Listen."\n', ["speaker: Milo"]), Line("Milo shrugs.\n", ["speaker: Milo"])])
    assert shown == 'Milo: "Listen."\nMilo shrugs.\n'


def test_low_lucidity_glitches_plain_lines_more_and_more() -> None:
    line = [Line("An ordinary sentence about an ordinary kitchen and its ordinary light.\n", [])]
    sizes = [len(render(line, lucidity)) for lucidity in (1.0, 0.5, 0.25, 0.1, 0.0)]
    assert sizes[0] == sizes[1] == len(line[0].text)
    assert sizes == sorted(sizes) and sizes[-1] > sizes[0]


def test_low_lucidity_never_loses_the_text() -> None:
    text = "An ordinary sentence about an ordinary kitchen."
    assert unglitched(render([Line(text + "\n", ["glitch: 5"])], lucidity=0.0)) == text + "\n"


def test_narrow_terminals_wrap_the_text_within_their_width() -> None:
    text = "The dream folds over itself like paper, and every crease is a door you once closed. " * 2
    shown = render([Line(text + "\n", [])], width=30)
    assert all(len(row) <= 30 for row in shown.splitlines())
    assert " ".join(shown.split()) == " ".join(text.split())


def test_the_hud_breaks_between_stats_never_inside_one() -> None:
    tracker = StatTracker(Engine(compiled_json("night")))
    rows = hud_text(tracker, 40).plain.splitlines()
    assert len(rows) == 3 and [row.split()[0] for row in rows] == ["Lucidity", "Milo", "Stability"]
    assert "-10..10" in rows[1] and "60/100" in rows[0]


def test_at_very_low_lucidity_even_the_choices_slip_but_keep_their_words() -> None:
    renderer = Renderer(make_console(io.StringIO(), terminal=False), story_meta([]))
    choices = ["Take the spatula from him", "Ask why Mum isn't coming"]
    assert renderer.choice_labels(choices, 0.6) == choices
    assert renderer.choice_labels(choices, 0.3) == choices
    slipping = renderer.choice_labels(choices, 0.0)
    assert slipping != choices
    assert [unglitched(label) for label in slipping] == choices


def _level(tags: list[str], lucidity: float | None) -> int:
    renderer = Renderer(make_console(io.StringIO(), terminal=False), story_meta([]))
    return renderer.glitch_level(line_style(tags), lucidity)


@pytest.mark.parametrize("strength", [1, 2, 3, 4])
def test_a_tagged_glitch_grows_as_lucidity_falls(strength: int) -> None:
    levels = [_level([f"glitch: {strength}"], lucidity) for lucidity in (1.0, 0.75, 0.5, 0.25, 0.0)]
    assert levels == sorted(levels) and levels[2] == strength and all(level >= 1 for level in levels)
    assert levels[0] < levels[-1]


def test_a_tagged_glitch_is_weaker_to_a_lucid_reader_than_its_tag() -> None:
    assert _level(["glitch: 3"], 1.0) < 3 < _level(["glitch: 3"], 0.0)
    assert _level(["glitch: 3"], None) == 3


def test_at_lucidity_zero_narration_and_nightmares_stay_readable() -> None:
    assert _level([], 0.0) <= 1 and _level(["nightmare"], 0.0) <= 2
    text = "An ordinary sentence about an ordinary kitchen and its ordinary light, read at the very bottom."
    shown = render([Line(text + "\n", [])], lucidity=0.0)
    marks = sum(1 for char in shown if "\u0300" <= char <= "\u036f")
    assert marks <= len(text) // 5 and not any(noise in shown for noise in "░▒▓▚▞")


def test_at_lucidity_zero_the_menu_stays_readable() -> None:
    renderer = Renderer(make_console(io.StringIO(), terminal=False), story_meta([]))
    for label in renderer.choice_labels(["Take the spatula from him", "Ask why Mum isn't coming"], 0.0):
        assert not any(noise in label for noise in "░▒▓▚▞")
