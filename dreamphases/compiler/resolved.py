"""What resolving produces and carries: the side tables the emitter reads, and the walk's context.

Kept apart from the resolver so the emitter and the resolver's parts share these types without
importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dreamphases.compiler import ast as A
from dreamphases.compiler.expr_tree import Expr
from dreamphases.compiler.graph import StoryGraph
from dreamphases.compiler.scopes import Target

__all__ = ["Resolved", "Ctx"]


@dataclass(slots=True)
class Resolved:
    story: A.Story
    weaves: dict[int, A.Weave] = field(default_factory=dict)
    targets: dict[int, Target] = field(default_factory=dict)
    names: dict[int, tuple[str, object]] = field(default_factory=dict)
    calls: dict[int, tuple[str, object]] = field(default_factory=dict)
    assigns: dict[int, str] = field(default_factory=dict)
    #: ids of knots/stitches/labels whose visits the runtime must count: read counts, divert targets
    #: used as values, TURNS_SINCE/READ_COUNT. Counting everything would slow every container entry.
    visit_counted: set[int] = field(default_factory=set)
    turn_counted: set[int] = field(default_factory=set)
    #: id(ast Branch) → its index in graph.branches
    branch_ids: dict[int, int] = field(default_factory=dict)
    list_items: dict[str, list[tuple[str, str, int]]] = field(default_factory=dict)
    node_ids: dict[int, str] = field(default_factory=dict)
    graph: StoryGraph | None = None


@dataclass(slots=True)
class Ctx:
    """Where the walk is: the flows it is inside, their temporaries, the graph node, the conditions."""

    chain: list[A.Flow]  # root, knot, stitch
    temps: set[str]
    node: str
    conditions: tuple[Expr, ...] = ()
    reads: tuple[str, ...] = ()
