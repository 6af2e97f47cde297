"""The story graph: a typed, analysis-friendly view of a compiled story.

The compiler builds it as a by-product of resolving names (see `resolve.py`); the writer tools
(`check`, `map`, `stats`), the explorer and editors read it instead of the AST, so the AST can change
without breaking them. Plain dataclasses here (the compiler's hot path builds them); the JSON export
schema for other tools is a pydantic model in `dreamphases.tools.graph_schema`.

Node ids are ink paths as a writer spells them: `knot`, `knot.stitch`, `knot.stitch.label`
(a label directly in a knot is `knot.label`). The top of the story (before the first knot) is the
node `""` (empty id, kind "root"). Divert targets `END` and `DONE` appear as edge targets `"END"` and
`"DONE"`; a `-> var` to a divert-target variable appears as target `"*var"`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from dreamphases.compiler.expr_tree import Expr

__all__ = [
    "NodeKind", "EdgeKind", "Node", "Edge", "Choice", "Branch", "VarDecl", "VarUse", "Ending", "RefKind", "Ref",
    "StoryGraph", "Return",
]

NodeKind = Literal["root", "knot", "stitch", "label", "function"]
#: "target" is a divert target used as a value (`VAR next = -> knot`, `f(-> knot)`): the knot may be
#: entered later through the variable, so reachability analysis should follow it.
EdgeKind = Literal["divert", "choice", "tunnel", "thread", "fallthrough", "call", "target"]


@dataclass(slots=True)
class Node:
    id: str
    kind: NodeKind
    name: str
    file: str
    line: int
    params: tuple[str, ...] = ()
    #: words of prose written directly in this node (not in its stitches/labels' own bodies)
    words: int = 0
    #: tags written on the knot/stitch header lines or on its content (line tags), in order
    tags: tuple[str, ...] = ()
    #: the parent node id (root for knots, the knot for stitches, the innermost knot/stitch for labels)
    parent: str | None = None
    #: True when the node's own content can run out with no divert/END/DONE (a loose end)
    runs_out: bool = False
    #: the lines (in `file`) where it runs out: where the compiler's W001 warnings point
    runs_out_at: tuple[int, ...] = ()
    #: True when the node leaves with `->->` (it is meant to be entered as a tunnel)
    returns: bool = False
    #: words of prose in this node before its first choice (what a reader meets on arrival)
    words_before_choice: int = 0
    #: False when the compiler reported an error inside this node (for a knot: or in its stitches),
    #: so part of its content may be missing here: tools draw no conclusion from what is absent
    clean: bool = True


@dataclass(slots=True)
class Edge:
    source: str
    target: str
    kind: EdgeKind
    file: str
    line: int
    #: the conditions guarding this edge (choice conditions, enclosing `{cond:` branches), innermost
    #: last, as resolved expression trees (`expr_tree.source` prints one); empty when unconditional
    conditions: tuple[Expr, ...] = ()
    #: variables read by those conditions
    reads: tuple[str, ...] = ()
    #: number of arguments passed (diverts/tunnels/threads to knots with parameters)
    arg_count: int = 0
    #: a function call's arguments, as expression trees (what the state analysis binds the parameters
    #: to: `julian(1)` raises a bond that `julian(d)` alone could move either way)
    args: tuple[Expr, ...] = ()
    #: the choice this edge leaves through, as an index into StoryGraph.choices, if any
    choice: int | None = None
    #: the `# ending: id` tag on the last line of text before a `-> END`, if any
    ending: str | None = None
    #: every `# ending:` id seen on the way to this `-> END` since the last choice (usually one)
    endings: tuple[str, ...] = ()


@dataclass(slots=True)
class Choice:
    node: str
    text: str
    file: str
    line: int
    sticky: bool
    fallback: bool
    #: each `{cond}` on the choice as an expression tree, and the variables they read
    conditions: tuple[Expr, ...] = ()
    reads: tuple[str, ...] = ()
    #: choices offered together (same weave level, before the same gather) share a set id
    choice_set: int = 0
    #: where the choice leads (node ids), following its body's diverts
    targets: tuple[str, ...] = ()
    #: words of prose the reader gets after taking this choice, up to the next choice: the option's
    #: own text (printed again), its body, and the words of every unlabelled gather it falls through
    #: (a labelled gather is a node: its words are its `words_before_choice`, read on arriving there
    #: by the "fallthrough" edge); not the bodies of nested choices, which have their own count
    words: int = 0
    #: the option this one is nested under (`* *` inside a `*`), as an index into StoryGraph.choices
    parent: int | None = None
    #: weave depth: 1 for `*`, 2 for `* *` …
    depth: int = 1
    #: the runtime path of the container the choice leads into (its `c-N`, or its label): the
    #: choice's identity in the compiled story, so the explorer can tell whether it was ever taken
    #: whatever text it displays
    runtime_path: str = ""


@dataclass(slots=True)
class Branch:
    """One branch of a conditional (`{cond: a|b}`, `{ - c: … - else: … }`, a switch case)."""

    node: str
    file: str
    line: int
    #: when the branch is taken, as an expression tree: its own condition, `subject == value` for a
    #: switch case, `not (a or b)` for an else after `a` and `b`, `true` when unconditional
    condition: Expr
    #: where the branch's content lives in the compiled JSON, so a tool can ask the runtime whether
    #: it was ever taken (the explorer counts visits there)
    #: True for an `else` branch (its condition is the negation of the branches before it)
    is_else: bool = False
    runtime_path: str = ""


@dataclass(slots=True)
class VarDecl:
    name: str
    kind: Literal["var", "const", "list", "temp", "param"]
    file: str
    line: int
    #: the initial value's source text (a LIST's items, comma-separated)
    initial: str = ""
    #: for temp/param: the node that owns it
    scope: str | None = None
    #: the initial value of a VAR or CONST as an expression tree
    value: Expr | None = None


@dataclass(slots=True)
class VarUse:
    name: str
    node: str
    file: str
    line: int
    mode: Literal["read", "write"]
    #: for writes: the operator (`=`, `+=`, `-=`, `++`, `--`, or `ref` for a ref argument)
    op: str | None = None
    #: for writes whose right-hand side folds to a number/bool: that value
    value: float | int | bool | None = None
    #: for reads on the right-hand side of an assignment to a global: that global. Such a read matters
    #: only if the value assigned does (`~ x = x + 1` alone does not observe `x`); the state analysis
    #: (`dreamphases.analysis`) uses it for strong liveness
    feeds: str | None = None
    #: for writes with a right-hand side: its tree (the value assigned, or the step of `+=`/`-=`)
    expr: Expr | None = None


@dataclass(frozen=True, slots=True)
class Return:
    value: Expr | None
    conditions: tuple[Expr, ...] = ()


@dataclass(slots=True)
class Ending:
    id: str
    node: str
    file: str
    line: int


#: what a name resolved to: a knot/stitch/label/function node, a global VAR, a CONST, a LIST, a LIST
#: item, or a temporary/parameter of one flow
RefKind = Literal["node", "var", "const", "list", "item", "temp"]


@dataclass(slots=True)
class Ref:
    """One name as written in the source and what it resolved to (editors: go to, references, rename).

    `target` is a node id for "node", the declared name for "var"/"const"/"list"/"temp", and
    `list.item` for "item". `col` is 1-based, at the name's first character.
    """

    name: str
    target: str
    kind: RefKind
    file: str
    line: int
    col: int
    #: for "temp": the knot or stitch (node id) whose temporaries and parameters hold the name
    scope: str | None = None


@dataclass(slots=True)
class StoryGraph:
    main_file: str
    files: list[str] = field(default_factory=list)
    #: (including file, included file, line) for each INCLUDE
    includes: list[tuple[str, str, int]] = field(default_factory=list)
    global_tags: list[str] = field(default_factory=list)
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)
    variables: dict[str, VarDecl] = field(default_factory=dict)
    uses: list[VarUse] = field(default_factory=list)
    endings: list[Ending] = field(default_factory=list)
    #: every branch of every conditional, in source order
    branches: list[Branch] = field(default_factory=list)
    #: function name -> parameter names (`ref` params prefixed with "ref ")
    functions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: function name -> each `~ return` in it: the value (None for a bare return) and the conditions
    #: it sits under, so an analysis can tell what a call may give back (e.g. a clamp's range)
    returns: dict[str, list[Return]] = field(default_factory=dict)
    #: False when the compiler reported any error: the graph may lack part of the story
    clean: bool = True
    #: every resolved name in diverts, expressions and assignments, in walk order
    refs: list[Ref] = field(default_factory=list)
