"""The tag vocabulary and the one ending convention (`dreamphases/tags.py`), as check, explore and the
spec runner all apply it: each case below once through every tool."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from dreamphases.loader import load_story
from dreamphases.tags import canonical_tag, ending_id, near_miss, split_tag
from dreamphases.testing.explorer import ExploreOptions, Walker, explore
from dreamphases.testing.runner import run_spec
from dreamphases.testing.spec import parse_spec
from dreamphases.tools.check import check_path


@pytest.mark.parametrize("tag, wanted", [
    ("ending: awake", "awake"), ("Ending: awake", "awake"), ("ENDING :awake", "awake"),
    ("ending:  wide   awake ", "wide awake"), ("ending:", None), ("ending", None), ("endings: awake", None),
    ("speaker: Milo", None),
])
def test_what_an_ending_tag_is(tag: str, wanted: str | None) -> None:
    assert ending_id(tag) == wanted


def test_keys_ignore_case_and_spaces_around_the_colon() -> None:
    assert split_tag(" Speaker :  Milo  ") == ("speaker", "Milo")
    assert canonical_tag("Ending : awake") == canonical_tag("ending:awake") == "ending: awake"


@pytest.mark.parametrize("tag, near", [("speker: Milo", "speaker"), ("sceen: roof", "scene"), ("endng: x", "ending"),
                                       ("ending awake", "ending"), ("speaker: Milo", None), ("CLEAR", None),
                                       ("audio: rain.ogg", None)])
def test_a_near_miss_of_a_known_key_is_told_from_a_foreign_tag(tag: str, near: str | None) -> None:
    assert near_miss(tag) == near


# -- one rule, every tool ---------------------------------------------------------------------------

CASES = {
    # name: (story, the endings every tool must agree on; [] = a dead end)
    "capitalised key": ("Wake up? # Ending: awake\n-> END\n", ["awake"]),
    "spaced colon": ("Wake up. # ending :  awake\n-> END\n", ["awake"]),
    "epilogue after the tag": ("You wake. # ending: awake\nThe end.\n-> END\n", ["awake"]),
    "two tags in the final passage": ("You wake. # ending: awake\nThe end. # ending: epilogue\n-> END\n",
                                      ["awake", "epilogue"]),
    "tag before the last choice": ("Dawn. # ending: awake\n* [Sleep on] Zzz.\n  -> END\n", []),
    "empty id": ("You wake. # ending:\n-> END\n", []),
}


def _story(tmp_path: Path, source: str) -> Path:
    path = tmp_path / "story.ink"
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return path


def _explored(path: Path) -> tuple[list[str], list[str]]:
    loaded = load_story(path)
    walker = Walker(loaded.json_text, loaded.graph, ExploreOptions(mode="exhaustive", max_depth=5))
    tally = explore(walker).tally
    return sorted(tally.endings), sorted(tally.dead_ends)


@pytest.mark.parametrize("name", CASES)
def test_check_explore_and_specs_agree_on_the_ending(tmp_path: Path, name: str) -> None:
    source, endings = CASES[name]
    path = _story(tmp_path, source)
    checked = check_path(path)
    assert checked.graph is not None
    declared = sorted({e.id for e in checked.graph.endings} & set(endings) if endings else set())
    reached, dead = _explored(path)
    assert reached == endings and declared == endings
    assert bool(dead) == (not endings)
    if endings:
        picks = "\n".join("  - choose: 1" for _ in range(source.count("* [")))
        spec = parse_spec(f"story: {path}\nsteps:\n{picks}\n  - tags: ['ending: {endings[0]}']\n    end: true\n",
                          tmp_path / "case.playthrough.yaml")
        result = run_spec(spec)
        assert result.passed, result.failure


def test_an_ending_tag_in_the_final_passage_satisfies_check(tmp_path: Path) -> None:
    path = _story(tmp_path, "* [Wake] You wake. # ending: awake\n  Birds sing.\n  -> END\n"
                            "* [Sleep] You sleep. # ending: asleep\n  -> END\n")
    assert not [d for d in check_path(path).diagnostics if d.code == "L008"]
    assert _explored(path) == (["asleep", "awake"], [])
