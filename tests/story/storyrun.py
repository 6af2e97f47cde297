"""Playing the bundled story from tests: compile it once, choose by text, walk it at random.

Routes choose by a unique substring of the choice text rather than by index, so that a test still
means the same thing after a writer adds or reorders a choice earlier in the story.

The story is compiled with our compiler. `DREAMPHASES_STORY_JSON=<file>` plays a JSON compiled
elsewhere instead (inkle's or inkjs's compiler), to tell a story bug from a compiler bug.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from dreamphases.runtime.engine import Engine

STORY = Path(__file__).resolve().parents[2] / "story" / "dreamphases.ink"

ENDINGS = (
    "reconciled",
    "estranged",
    "only_zara",
    "only_julian",
    "plug_pulled",
    "hold_the_door",
    "lost_to_irusion",
)


class StoryProblem(AssertionError):
    """The story could not be compiled, or a route or walk went somewhere it should not."""


@cache
def story_json() -> str:
    override = os.environ.get("DREAMPHASES_STORY_JSON")
    if override:
        return Path(override).read_text(encoding="utf-8-sig")
    from dreamphases.compiler import compile_path, render

    result = compile_path(STORY)
    if result.json_text is None:
        diagnostics = "\n".join(render(d) for d in result.diagnostics)
        raise StoryProblem(f"story/dreamphases.ink does not compile:\n{diagnostics}")
    return result.json_text


def new_engine(seed: int = 0) -> Engine:
    engine = Engine(story_json())
    engine.set_seed(seed)
    return engine


@dataclass(slots=True)
class Run:
    """What one playthrough produced: every line's text and tags, and the choices taken."""

    engine: Engine
    lines: list[tuple[str, list[str]]] = field(default_factory=list)
    taken: list[str] = field(default_factory=list)
    offered: list[str] = field(default_factory=list)

    def read_on(self) -> None:
        while self.engine.can_continue():
            line = self.engine.next_line()
            self.lines.append((line.text, line.tags))

    @property
    def ended(self) -> bool:
        return not self.engine.can_continue() and not self.engine.choices()

    @property
    def ending(self) -> str | None:
        """The ending id on the last line with text, if that line carries one."""
        for text, tags in reversed(self.lines):
            if text.strip():
                return next((t.split(":", 1)[1].strip() for t in tags if t.startswith("ending:")), None)
        return None

    def var(self, name: str) -> object:
        return self.engine.get_variable(name)

    def memories(self) -> list[str]:
        """Names of the memories held (bink gives each item as ("memories.<name>", value))."""
        items = self.var("memories").items  # type: ignore[attr-defined]
        return sorted(str(name).rsplit(".", 1)[-1] for name, _value in items)


def choose_by_text(run: Run, fragment: str) -> None:
    """Take the one offered choice whose text contains `fragment`; anything else is a broken route."""
    offered = run.engine.choices()
    run.offered.extend(offered)
    matches = [i for i, text in enumerate(offered) if fragment in text]
    if len(matches) != 1:
        raise StoryProblem(
            f"after {len(run.taken)} choices, {fragment!r} matches {len(matches)} "
            f"of the offered choices: {offered}"
        )
    run.taken.append(offered[matches[0]])
    run.engine.choose(matches[0])


def play_route(route: list[str], seed: int = 0) -> Run:
    """Play the route to the end; every fragment must be used and the story must then be over."""
    run = Run(new_engine(seed))
    run.read_on()
    for fragment in route:
        choose_by_text(run, fragment)
        run.read_on()
    if not run.ended:
        raise StoryProblem(f"the route ran out with choices still offered: {run.engine.choices()}")
    return run


def random_walk(seed: int, greed: float = 0.0) -> Run:
    """One seeded walk to the end.

    With `greed` > 0 the walker plays like someone chasing the tracked stats: at each choice, with
    that probability, it looks one step ahead and takes the option that leaves bond with Milo and
    lucidity highest; otherwise it picks uniformly. Uniform walkers alone almost never earn the
    hardest ending, which is the point of it being hardest.
    """
    rng = random.Random(seed)
    run = Run(new_engine(seed))
    run.read_on()
    while run.engine.choices():
        offered = run.engine.choices()
        if greed and rng.random() < greed:
            index = _best_for_stats(run.engine, len(offered), rng)
        else:
            index = rng.randrange(len(offered))
        run.taken.append(offered[index])
        run.engine.choose(index)
        run.read_on()
    return run


def _best_for_stats(engine: Engine, count: int, rng: random.Random) -> int:
    state = engine.save_state()
    scored = []
    for index in range(count):
        engine.load_state(state)
        engine.choose(index)
        while engine.can_continue():
            engine.next_line()
        bond = engine.get_variable("bond_milo")
        lucidity = engine.get_variable("lucidity")
        assert isinstance(bond, int) and isinstance(lucidity, int)
        scored.append((4 * bond + lucidity + rng.random(), index))
    engine.load_state(state)
    return max(scored)[1]
