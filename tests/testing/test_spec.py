"""The playthrough spec format: what it accepts, and errors that point at the offending line."""

from __future__ import annotations

from pathlib import Path

import pytest

from dreamphases.testing.spec import ChoiceRef, Range, Regex, SpecError, dump_spec, parse_spec

GOOD = """\
story: story.ink
name: boarding
seed: 4
steps:
  - expect: [The ferry horn, {regex: 'dock\\.'}]
    has_choice: Board
    no_choice: Swim
  - choose: Board
  - vars: {courage: {min: 2, max: 5}, has_map: false}
    choose: {index: 1}
  - tags: 'ending: drowned'
    end: true
"""


def test_a_valid_spec_parses_into_typed_steps() -> None:
    loaded = parse_spec(GOOD, Path("s.playthrough.yaml"))
    steps = loaded.spec.steps
    assert loaded.name == "boarding"
    assert loaded.spec.seed == 4
    assert steps[0].expect == ["The ferry horn", Regex(regex="dock\\.")]
    assert steps[0].has_choice == ["Board"]
    assert steps[1].choose == "Board"
    assert steps[2].vars == {"courage": Range(min=2, max=5), "has_map": False}
    assert steps[2].choose == ChoiceRef(index=1)
    assert steps[3].tags == ["ending: drowned"]


def test_each_step_and_key_knows_its_line() -> None:
    loaded = parse_spec(GOOD, Path("s.playthrough.yaml"))
    assert loaded.step_lines == [5, 8, 9, 11]
    assert loaded.key_lines[2] == {"vars": 9, "choose": 10}


def test_the_name_defaults_to_the_file_name() -> None:
    loaded = parse_spec("story: s.ink\nsteps:\n  - end: true\n", Path("dir/ferry.playthrough.yaml"))
    assert loaded.name == "ferry"


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("story: s.ink\nsteps:\n  - expect: a\n    chose: 1\n", 4, "unknown key `chose`"),
        ("story: s.ink\nsteps:\n  - choose: 0\n", 3, "start at 1"),
        ("story: s.ink\nsteps:\n  - expect: {regex: '('}\n", 3, "not a valid regular expression"),
        ("story: s.ink\nsteps:\n  - expect: a\n  - vars: {x: {min: 3, max: 1}}\n", 4, "empty range"),
        ("story: s.ink\nsteps:\n  - {}\n", 3, "an empty step"),
        ("story: s.ink\nsteps: []\n", 2, "at least 1 item"),
        ("steps:\n  - end: true\n", 1, "story: Field required"),
        ("story: s.ink\nsteps:\n  - choose: {index: 1, text: a}\n", 3, "exactly one of"),
        ("story: s.ink\nsteps:\n  - expect: [unclosed\n", 4, "not valid YAML"),
        ("- just\n- a list\n", 1, "a mapping"),
    ],
)
def test_a_bad_spec_is_rejected_at_its_line(text: str, line: int, fragment: str) -> None:
    with pytest.raises(SpecError) as caught:
        parse_spec(text, Path("bad.playthrough.yaml"))
    assert caught.value.line == line
    assert fragment in caught.value.message
    assert str(caught.value).startswith(f"bad.playthrough.yaml:{line}:")


def test_a_dumped_spec_reads_back_the_same() -> None:
    steps = [{"expect": ["Hello"], "choose": "Go"}, {"tags": ["ending: a"], "end": True}]
    text = dump_spec("story.ink", steps, name="round trip", seed=3, comment="made by a test")
    loaded = parse_spec(text, Path("x.playthrough.yaml"))
    assert text.startswith("# made by a test\n")
    assert loaded.spec.seed == 3
    assert [s.model_dump(exclude_none=True) for s in loaded.spec.steps] == steps


def test_dump_refuses_to_write_a_spec_it_could_not_read() -> None:
    with pytest.raises(ValueError):
        dump_spec("story.ink", [{"choose": 0}])
