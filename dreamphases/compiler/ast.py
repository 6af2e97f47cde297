"""The parsed hierarchy: one small slotted dataclass per ink construct.

Every class here has a docstring: besides saying what it holds, that spares `@dataclass` making one
from `inspect.signature` as the module is imported (on every `compile`).

The parser produces these; `weave.py` nests choices and gathers; `resolve.py` checks names against
them; `emit.py` turns them into runtime containers. Positions are (file, line, col) `Span`s so every
later stage can point a writer at the source.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from dreamphases.compiler.diagnostics import Span

# ---------------------------------------------------------------------------------------------
# Expressions


@dataclass(slots=True)
class Number:
    """A number literal: `3`, `2.5`."""

    value: int | float
    span: Span


@dataclass(slots=True)
class Bool:
    """`true` or `false`."""

    value: bool
    span: Span


@dataclass(slots=True)
class StringLit:
    """A quoted string in an expression; `parts` may interpolate (`"a {x}"`)."""

    parts: list[Inline]
    span: Span


@dataclass(slots=True)
class Name:
    """A variable, constant, list item, or a read count of a knot/stitch/label (dotted paths allowed)."""

    name: str
    span: Span


@dataclass(slots=True)
class DivertTarget:
    """`-> path` used as a value (assigned, passed, compared)."""

    path: str
    span: Span


@dataclass(slots=True)
class ListLit:
    """`(a, b)`: list items by name, as written."""

    items: list[str]
    span: Span


@dataclass(slots=True)
class Unary:
    """`-x` or `not x` (`!` is the canonical spelling of `not`)."""

    op: str  # "-", "!"
    operand: Expr
    span: Span


@dataclass(slots=True)
class Binary:
    """Two operands and an operator, spelt canonically (`&&` for `and` …)."""

    op: str  # canonical: + - * / % == != < > <= >= && || ? !? ^
    left: Expr
    right: Expr
    span: Span


@dataclass(slots=True)
class Call:
    """`f(args)`: a function, built-in, EXTERNAL, list cast or divert-target variable (resolving says which)."""

    name: str
    args: list[Expr]
    span: Span


@dataclass(slots=True)
class Postfix:
    """`x++` / `x--` as an expression statement."""

    op: str
    target: Name
    span: Span


Expr = (
    Number
    | Bool
    | StringLit
    | Name
    | DivertTarget
    | ListLit
    | Unary
    | Binary
    | Call
    | Postfix
)



def has_call(expr: Expr) -> bool:
    """Does `expr` call a function (outside string interpolation)? inklecate ends a `~` line that
    does with a newline (the call may print), and treats it as content, not as a bare statement."""
    if isinstance(expr, Call):
        return True
    if isinstance(expr, Binary):
        return has_call(expr.left) or has_call(expr.right)
    if isinstance(expr, Unary):
        return has_call(expr.operand)
    return False


# ---------------------------------------------------------------------------------------------
# Inline content (what a line of text is made of)


@dataclass(slots=True)
class Text:
    """Literal text of a line."""

    text: str


@dataclass(slots=True)
class Glue:
    """`<>`: no line break here."""


@dataclass(slots=True)
class Newline:
    """The end of a line of output."""


@dataclass(slots=True)
class Print:
    """`{expr}`: evaluate and output."""

    expr: Expr


@dataclass(slots=True)
class Tag:
    """`# text`; `parts` may hold inline logic."""

    parts: list[Inline]


@dataclass(slots=True)
class Divert:
    """`-> target(args)`, a tunnel call `-> target ->`, a thread `<- target`, or `->->` (tunnel return).

    `target` is None for a bare tunnel return. Whether the target names a knot or a divert-target
    variable is the resolver's answer, not the parser's.
    """

    target: str | None
    args: list[Expr]
    span: Span
    tunnel: bool = False
    thread: bool = False
    tunnel_return: bool = False


@dataclass(slots=True)
class Branch:
    """One branch of a conditional. `condition` None with `is_else` False means 'the if body'."""

    condition: Expr | None
    body: list[Stmt]
    is_else: bool = False
    inline: bool = False
    span: Span | None = None


@dataclass(slots=True)
class Conditional:
    """`{cond: a|b}`, multiline `{ - c1: … - else: … }`, or a switch `{ x: - 1: … }` (`subject` set)."""

    subject: Expr | None
    branches: list[Branch]
    span: Span
    inline: bool = True
    #: the first branch's condition is an "initial query" (`{cond: …}`, `{cond:` + body): inklecate
    #: evaluates it before the branch containers, which shifts paths (and so shuffle seeds)
    initial: bool = False


SEQ_STOPPING, SEQ_CYCLE, SEQ_SHUFFLE, SEQ_ONCE = 1, 2, 4, 8


@dataclass(slots=True)
class Sequence:
    """`{a|b}`, `{&a|b}`, `{~a|b}`, `{!a|b}` or their multiline forms; `kind` is a set of `SEQ_*` bits."""

    kind: int
    elements: list[list[Stmt]]
    span: Span
    inline: bool = True


Inline = (
    Text
    | Glue
    | Newline
    | Print
    | Tag
    | Divert
    | Conditional
    | Sequence
)

# ---------------------------------------------------------------------------------------------
# Statements (line level)


@dataclass(slots=True)
class ContentLine:
    """One line of output: text, glue, prints, tags, diverts and inline logic, in order."""

    items: list[Inline]
    span: Span


@dataclass(slots=True)
class Assign:
    """`~ x = value`, `~ temp x = value`, `~ x += value`, `~ x++` as a statement."""

    name: str
    op: str  # "=", "+=", "-=", "++", "--"
    value: Expr | None
    span: Span
    temp: bool = False


@dataclass(slots=True)
class Return:
    """`~ return` with or without a value."""

    value: Expr | None
    span: Span


@dataclass(slots=True)
class ExprStmt:
    """`~ expression` (a call or `x++`): evaluated for its effect."""

    expr: Expr
    span: Span


@dataclass(slots=True)
class Choice:
    """A `*` or `+` line: conditions, text before, inside and after the brackets."""

    depth: int
    sticky: bool
    label: str | None
    conditions: list[Expr]
    start: list[Inline]
    choice_only: list[Inline]
    inner: list[Inline]
    span: Span
    has_brackets: bool = False
    #: nested statements that follow the choice line (empty as parsed; `weave` makes a copy with them)
    body: list[Stmt] = field(default_factory=list)

    @property
    def fallback(self) -> bool:
        """An invisible default choice: no content at all but diverts. As in inklecate, whitespace
        after the brackets is content, so `* [] -> x` is a visible choice with empty text."""
        return not self.start and not self.choice_only and all(isinstance(it, Divert) for it in self.inner)


@dataclass(slots=True)
class Gather:
    """A `-` line: where the options before it come together; its own content is `body`."""

    depth: int
    label: str | None
    span: Span
    body: list[Stmt] = field(default_factory=list)


@dataclass(slots=True)
class Weave:
    """Nested choice/gather structure at one indentation depth (built by `weave.py`)."""

    depth: int
    items: list[Stmt]


@dataclass(slots=True)
class VarDecl:
    """`VAR name = value` or `CONST name = value`."""

    name: str
    value: Expr
    span: Span
    const: bool = False
    #: the knot (and stitch) the declaration stands in: names in its value resolve from there
    scope: tuple[str, ...] = ()


@dataclass(slots=True)
class ListItemDef:
    """One item of a LIST: its name, value, and whether it starts in the list."""

    name: str
    value: int
    selected: bool


@dataclass(slots=True)
class ListDecl:
    """`LIST name = a, (b), c = 5`."""

    name: str
    items: list[ListItemDef]
    span: Span


@dataclass(slots=True)
class External:
    """`EXTERNAL name(params)`: a function the game provides (an ink fallback may stand in)."""

    name: str
    params: list[str]
    span: Span


Stmt = (
    ContentLine
    | Assign
    | Return
    | ExprStmt
    | Choice
    | Gather
    | Weave
    | Conditional
    | Sequence
)


@dataclass(slots=True)
class Param:
    """A knot's, stitch's or function's parameter: `x`, `ref x` or `-> x`."""

    name: str
    ref: bool = False
    divert: bool = False


@dataclass(slots=True)
class Flow:
    """A knot, stitch or function (the story's top level is a Flow with kind 'root')."""

    name: str
    kind: str  # "root", "knot", "stitch", "function"
    params: list[Param]
    span: Span
    body: list[Stmt] = field(default_factory=list)
    children: list[Flow] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Order:
    """The order inklecate generates a story in: the top level first, then each knot and its stitches
    as written. It registers a variable when it generates the declaration, and looks a variable up
    when it generates a divert or call to it, so a divert to a variable declared further down fails.
    Per file, each top-level line's place: (flow's rank, statement's index in the flow)."""

    lines: dict[str, list[int]] = field(default_factory=dict)
    places: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    #: knots and stitches met so far (the rank of the next one)
    flows: int = 0

    def add(self, span: Span, place: tuple[int, int]) -> None:
        self.lines.setdefault(span.file, []).append(span.line)
        self.places.setdefault(span.file, []).append(place)

    def of(self, span: Span) -> tuple[int, int]:
        """Where the top-level line holding `span` is generated."""
        lines = self.lines.get(span.file)
        at = bisect_right(lines, span.line) - 1 if lines else -1
        return self.places[span.file][at] if at >= 0 else (0, -1)


@dataclass(slots=True)
class Story:
    """Every file's parse merged: the flows, the declarations, and where each thing was written."""

    root: Flow
    variables: list[VarDecl] = field(default_factory=list)
    lists: list[ListDecl] = field(default_factory=list)
    externals: list[External] = field(default_factory=list)
    global_tags: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    includes: list[tuple[str, str, int]] = field(default_factory=list)
    order: Order = field(default_factory=Order)
