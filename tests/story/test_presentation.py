"""How the bundled story presents its state: stat notes land under the passage that earned them.

The player prints a stat's note after the line during which the change happened (the runtime
reports changes line by line). A change written after a passage's last line therefore surfaces
after the *next* line, which, when the story moves on to a new scene, sits under the new scene's
heading. The story's house style (see act1.ink) puts each change just before the passage's last line;
these walks hold it to that.
"""

from __future__ import annotations

import random

import pytest

from dreamphases.player.tags import line_style
from dreamphases.runtime.stats import StatTracker
from tests.story.storyrun import new_engine

WALKS = 120


def notes_under_scene_headings(seed: int) -> list[str]:
    """The notes a seeded walk would print right after a scene's opening line."""
    rng = random.Random(seed)
    engine = new_engine(seed)
    tracker = StatTracker(engine)
    misplaced: list[str] = []
    while True:
        while engine.can_continue():
            line = engine.next_line()
            changes = tracker.drain()
            if changes and line_style(line.tags).scene is not None:
                misplaced += [f"{change.note()} under {line_style(line.tags).scene!r}" for change in changes]
        offered = engine.choices()
        if not offered:
            return misplaced
        engine.choose(rng.randrange(len(offered)))


@pytest.mark.parametrize("block", range(4))
def test_no_stat_note_lands_under_the_next_scenes_heading(block: int) -> None:
    seeds = range(block * WALKS // 4, (block + 1) * WALKS // 4)
    found = {seed: notes for seed in seeds if (notes := notes_under_scene_headings(seed))}
    assert found == {}
