"""What resolving decides, as data: the declarations, what every name, call, divert and assignment
means, and where loose ends flow. The emitter reads only this (and the woven story); the graph
builder reads it too.

Answers are tagged dataclasses, so every reader dispatches on their type and a new kind of answer
is a type error wherever it is not handled. (Not frozen: nothing changes them after the pass that
makes them, and frozen dataclasses cost more to define and to build.) Tables are keyed by the
identity of the woven story's nodes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from dreamphases.compiler import ast as A
from dreamphases.compiler.diagnostics import Span
from dreamphases.compiler.weave import Woven

__all__ = [
    "Point", "Target", "End", "VarTarget",
    "Meaning", "VarRead", "ConstValue", "ItemValue", "CountRead", "RefArg",
    "CallMeaning", "BuiltinCall", "VariableCall", "ListCast", "FunctionCall", "ExternalCall",
    "AssignKind", "Declarations", "Names", "LooseEnds", "Resolved",
]

#: a place a divert can reach and a read count can count: a knot, stitch or function, or a labelled
#: choice or gather
Point = A.Flow | A.Choice | A.Gather


@dataclass(slots=True)
class End:
    """`-> END` or `-> DONE`."""

    which: Literal["END", "DONE"]


@dataclass(slots=True)
class VarTarget:
    """A divert through a divert-target variable or parameter (`-> next`)."""

    name: str


Target = A.Flow | A.Choice | A.Gather | End | VarTarget


# -- names in expressions ---------------------------------------------------------------------------


@dataclass(slots=True)
class VarRead:
    """A variable's value; `temp` when it is a temporary or parameter (else a global or a LIST)."""

    name: str
    temp: bool


@dataclass(slots=True)
class ConstValue:
    """A CONST: the emitter inlines its value."""

    name: str
    value: A.Expr


@dataclass(slots=True)
class ItemValue:
    """A list item, resolved to its list and value."""

    list: str
    item: str
    value: int


@dataclass(slots=True)
class CountRead:
    """How often a knot, stitch or label was visited."""

    point: Point


@dataclass(slots=True)
class RefArg:
    """A variable passed to a `ref` parameter (a pointer to it, not its value)."""

    name: str
    temp: bool


Meaning = VarRead | ConstValue | ItemValue | CountRead | RefArg


# -- calls ------------------------------------------------------------------------------------------


@dataclass(slots=True)
class BuiltinCall:
    """A call of one of ink's built-in functions (`TURNS_SINCE`, `RANDOM` …)."""

    name: str


@dataclass(slots=True)
class VariableCall:
    """A function called through a divert-target variable."""

    name: str


@dataclass(slots=True)
class ListCast:
    """`Colour(2)` (the item of that value) or `Colour()` (the empty list of that list)."""

    list: str


@dataclass(slots=True)
class FunctionCall:
    """A call of an ink function (`== function f ==`)."""

    flow: A.Flow


@dataclass(slots=True)
class ExternalCall:
    """A call of an `EXTERNAL` function."""

    external: A.External


CallMeaning = BuiltinCall | VariableCall | ListCast | FunctionCall | ExternalCall

#: "temp_new" for `~ temp x = …`, "temp" for an existing temporary or parameter, "global" for a VAR
AssignKind = Literal["global", "temp", "temp_new"]


@dataclass(slots=True)
class Declarations:
    """What the story declares, found before any name is resolved."""

    globals: dict[str, A.VarDecl] = field(default_factory=dict)
    lists: dict[str, A.ListDecl] = field(default_factory=dict)
    #: item name → every (list, item) with that name, in declaration order
    items: dict[str, list[tuple[A.ListDecl, A.ListItemDef]]] = field(default_factory=dict)
    externals: dict[str, A.External] = field(default_factory=dict)
    knots: dict[str, A.Flow] = field(default_factory=dict)
    #: id(flow) → label → the labelled choice or gather in that flow's weave
    labels: dict[int, dict[str, A.Choice | A.Gather]] = field(default_factory=dict)
    #: id(point) → its story-graph node id (`knot`, `knot.stitch`, `knot.label`; "" for the root)
    node_ids: dict[int, str] = field(default_factory=dict)
    #: id(stitch) → its knot
    parents: dict[int, A.Flow] = field(default_factory=dict)
    #: id(flow) → the names its `~ temp` statements declare (anywhere in the flow: ink scopes a
    #: temporary to its whole knot or stitch)
    temps: dict[int, set[str]] = field(default_factory=dict)

    def list_item(self, name: str) -> tuple[A.ListDecl, A.ListItemDef] | None:
        """`item` or `List.item` → its declaration (the first list with it, for a bare name)."""
        if "." in name:
            lname, iname = name.split(".", 1)
            decl = self.lists.get(lname)
            if decl is None:
                return None
            item = next((i for i in decl.items if i.name == iname), None)
            return (decl, item) if item else None
        defs = self.items.get(name)
        return defs[0] if defs else None

    def chain(self, flow: A.Flow, root: A.Flow) -> list[A.Flow]:
        """The flows a name in `flow` is looked up in, outermost first: root, knot, stitch."""
        if flow.kind == "root":
            return [root]
        if flow.kind == "stitch":
            return [root, self.parents[id(flow)], flow]
        return [root, flow]


@dataclass(slots=True)
class Names:
    """What each name, call, divert target and assignment in the woven story means."""

    targets: dict[int, Target] = field(default_factory=dict)
    names: dict[int, Meaning] = field(default_factory=dict)
    calls: dict[int, CallMeaning] = field(default_factory=dict)
    assigns: dict[int, AssignKind] = field(default_factory=dict)
    #: ids of knots/stitches/labels whose visits the runtime must count: read counts, divert targets
    #: used as values, TURNS_SINCE/READ_COUNT. Counting everything would slow every container entry.
    visit_counted: set[int] = field(default_factory=set)
    turn_counted: set[int] = field(default_factory=set)
    #: each flow's temporaries and parameters, by id(flow)
    temps: dict[int, set[str]] = field(default_factory=dict)


@dataclass(slots=True)
class LooseEnds:
    """Where the content of each weave point runs on to, as inklecate's weave works it out.

    A choice or gather whose content does not divert away flows into the next gather at its level
    or further out (`gathers_into`). What finds no gather runs out of content: in a knot or stitch
    that is a loose end (W001); in the story's top level it reaches the implicit final `-> DONE`.
    """

    #: id(choice or gather) → the gather it flows into
    gathers_into: dict[int, A.Gather] = field(default_factory=dict)
    #: id(flow) → the weave points of the flow's own weave that run out of content
    leftovers: dict[int, list[A.Choice | A.Gather]] = field(default_factory=dict)
    #: id(flow) → where a flow with no loose weave point still runs out (its content ends without a
    #: divert): the last statement's span
    runs_out: dict[int, Span] = field(default_factory=dict)
    #: the gather the story's top level ends in (`-> DONE`); loose ends there flow into it
    final: A.Gather | None = None


@dataclass(slots=True)
class Resolved:
    """Everything after the resolve stage: the woven story and what resolving found about it."""

    woven: Woven
    decls: Declarations
    names: Names
    loose: LooseEnds

    @property
    def story(self) -> A.Story:
        return self.woven.story
