"""The seven endings: one playthrough spec each, and what those specs cannot say.

Each ending has `endings/<id>.playthrough.yaml`, collected by the dreamphases pytest plugin: it
plays the choices, expects the `# ending: <id>` tag and the stat values that earned it. This module
checks the set of specs is complete, and the one condition a spec's `vars` cannot express: how many
memories (a LIST) the reconciled route holds, and that the estranged route is never offered the
reconciliation although it frees both friends.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dreamphases.testing.spec import load_spec
from tests.story.storyrun import ENDINGS, Run, play_route

SPECS = Path(__file__).parent / "endings"


def route_of(ending: str) -> list[str]:
    """The choice fragments of an ending's spec, in order."""
    loaded = load_spec(SPECS / f"{ending}.playthrough.yaml")
    return [str(step.choose) for step in loaded.spec.steps if step.choose is not None]


def test_every_ending_has_exactly_one_spec() -> None:
    assert sorted(p.name.split(".")[0] for p in SPECS.glob("*.playthrough.yaml")) == sorted(ENDINGS)


@pytest.mark.parametrize("ending", ENDINGS)
def test_spec_expects_its_own_ending_tag(ending: str) -> None:
    steps = load_spec(SPECS / f"{ending}.playthrough.yaml").spec.steps
    assert steps[-1].tags == [f"ending: {ending}"] and steps[-1].end


@pytest.fixture(scope="module")
def estranged() -> Run:
    return play_route(route_of("estranged"))


def test_reconciled_route_holds_enough_memories() -> None:
    run = play_route(route_of("reconciled"))
    assert run.ending == "reconciled"
    assert len(run.memories()) >= 4


def test_estranged_route_is_never_offered_the_reconciliation(estranged: Run) -> None:
    assert estranged.ending == "estranged"
    assert not any("Say the thing you promised" in choice for choice in estranged.offered)
