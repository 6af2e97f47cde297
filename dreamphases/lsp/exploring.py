"""State on demand: a short exploration of the compiled story, as hints an editor shows in place.

The explorer (`dreamphases.testing.explorer`) plays the story with random walks; what it never
reached (knots, stitches, labels) and the choices it never took become hints at their lines. Short
on purpose (a few hundred walks with a step budget): it answers "what does a reader probably miss"
in about a second, not "what is reachable at all" (`dreamphases explore --exhaustive` does that).
"""

from __future__ import annotations

from dataclasses import dataclass

from dreamphases.compiler.graph import StoryGraph

__all__ = ["Hint", "explore_hints"]


@dataclass(frozen=True, slots=True)
class Hint:
    file: str
    line: int
    message: str


def explore_hints(json_text: str, graph: StoryGraph, runs: int = 200, seed: int = 1) -> tuple[list[Hint], str]:
    """(hints, a one-line summary). Raises the runtime's StoryLoadError if the story cannot load."""
    from dreamphases.runtime.engine import story_hash
    from dreamphases.testing.explorer import ExploreOptions, Walker, explore
    from dreamphases.testing.report import build_report

    options = ExploreOptions(mode="random", runs=runs, seed=seed, max_steps=300)
    walker = Walker(json_text, graph, options)
    tally = explore(walker, jobs=1)
    report = build_report(graph.main_file, story_hash(json_text), options, tally, walker, graph, (1, 1), [], 0.0, 1)
    hints: list[Hint] = []
    unreached = report.unreached_nodes()
    for node_id in unreached:
        node = graph.nodes.get(node_id)
        if node is not None and node.kind != "root":
            hints.append(Hint(node.file, node.line, f"{runs} random playthroughs never reached the {node.kind} "
                                                    f"`{node_id}`"))
    untaken = report.untaken_choices()
    for choice in untaken:
        hints.append(Hint(choice.file, choice.line, f"{runs} random playthroughs never took the choice "
                                                    f"'{choice.text}'"))
    summary = (f"explored {runs} playthroughs: {len(unreached)} of {len(report.nodes)} knots/stitches/labels "
               f"never reached, {len(untaken)} of {len(report.graph_choices)} choices never taken")
    return hints, summary
