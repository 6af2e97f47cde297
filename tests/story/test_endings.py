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
from tests.story.storyrun import ENDINGS, Run, choose_by_text, new_engine, play_route

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


def replay(route: list[str], flips: dict[str, tuple[str, object]] | None = None) -> Run:
    """Play `route`; `flips` sets a variable the first time a choice is made in the named knot.

    Once the route's next step is not on offer (an edited route has gone elsewhere), the first option
    is taken to the end: the tests below ask where such a route ends, not how.
    """
    run = Run(new_engine(0))
    run.read_on()
    pending = dict(flips or {})
    for fragment in route:
        knot = run.engine.current_knot().split(".", 1)[0]
        if knot in pending:
            name, value = pending.pop(knot)
            run.engine.set_variable(name, value)
        if not any(fragment in text for text in run.engine.choices()):
            break
        choose_by_text(run, fragment)
        run.read_on()
    while run.engine.choices():
        run.engine.choose(0)
        run.read_on()
    return run


def test_the_family_night_flag_alone_no_longer_decides_the_flagship_ending() -> None:
    """milo_heard is set unseen in Act 1; the reconciliation is earned in Acts 4-6 instead."""
    run = replay(route_of("reconciled"), {"act4": ("milo_heard", False)})
    assert run.ending == "reconciled"


def test_the_reconciliation_needs_the_promise_made_in_the_dive_room() -> None:
    route = [("Stay out here" if step.startswith('"You were right. At') else step) for step in route_of("reconciled")]
    assert route != route_of("reconciled")
    run = replay(route)
    assert run.var("a4_promised") is False and run.ending == "estranged"
    assert not any("Say the thing you promised" in choice for choice in run.offered)


def test_the_reconciliation_needs_it_said_at_the_core() -> None:
    said = '"You were right." Say'
    route = [("Tell him what you need" if step.startswith(said) else step) for step in route_of("reconciled")]
    run = replay(route)
    assert run.var("said_it") is False and run.ending == "estranged"
