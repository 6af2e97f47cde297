"""Resolving: the woven story → `Resolved` (what every name means, where loose ends go), the story
graph, and diagnostics.

Four passes, each in its own module, each reading what the ones before produced and writing only
its own result: `declare` (what exists) → `names` (what each reference means) → `loose_ends`
(termination: where content runs on to, W001) → `graph_build` (the story graph for the tools).
They run whether or not an earlier pass found errors, so one typo hides no other problem; but no
pass concludes that something is missing where the parser gave up (no W001 in a flow with a parse
error), and the graph marks the places with errors (`Node.clean`) so the tools do the same.

The graph is for the tools (`check`, `map`, `explore`, editors); `compile` asks for none
(`graph=False`), and then neither builds it nor imports its modules (`graph_build`, `graph`,
`expr_tree`): about a sixth of the compile time of a long story, and of start-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from dreamphases.compiler.collisions import check_collisions
from dreamphases.compiler.declare import declare
from dreamphases.compiler.diagnostics import Diagnostic, Reporter
from dreamphases.compiler.loose_ends import find_loose_ends
from dreamphases.compiler.names import resolve_names
from dreamphases.compiler.regions import Regions
from dreamphases.compiler.resolved import Resolved
from dreamphases.compiler.weave import Woven

if TYPE_CHECKING:
    from dreamphases.compiler.graph_build import Built

__all__ = ["resolve"]


def resolve(woven: Woven, lines: dict[str, list[str]], earlier: Sequence[Diagnostic] = (), graph: bool = True
            ) -> tuple[Resolved, Built | None, list[Diagnostic]]:
    """`earlier`: what reading and parsing reported (their errors mark where content may be missing).
    `graph=False`: no story graph (None in its place); the diagnostics are the same, since the graph
    builder reports nothing."""
    rep = Reporter(lines)
    regions = Regions(woven.story)
    unparsed = {id(regions.flow_at(d.span)) for d in earlier if d.is_error}
    decls = declare(woven, rep)
    check_collisions(woven, rep)
    names = resolve_names(woven, decls, rep)
    loose = find_loose_ends(woven, rep, unparsed)
    resolved = Resolved(woven, decls, names, loose)
    if not graph:
        return resolved, None, rep.diags
    from dreamphases.compiler.graph_build import build_graph  # (only when asked for: see above)

    errors = [d.span for d in [*earlier, *rep.diags] if d.is_error]
    return resolved, build_graph(resolved, regions, errors), rep.diags
