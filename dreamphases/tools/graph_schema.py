"""The story graph as a JSON document for editors and other tools (`dreamphases map --format json`).

Schema id `dreamphases.graph/1`. Stable: fields are only ever added; a change that removes or
retypes a field bumps the number. The compiler's `StoryGraph` dataclasses stay free to change shape;
this pydantic model is the promise made to the outside, validated on the way out (and usable on the
way in: `StoryGraphDocument.model_validate_json(text)`). `json_schema()` gives the JSON Schema.
"""

from __future__ import annotations

import json
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field

from dreamphases.compiler.expr_tree import EXPR_TYPES, source
from dreamphases.compiler.graph import StoryGraph, VarDecl
from dreamphases.statspec import stat_specs

__all__ = ["SCHEMA", "StoryGraphDocument", "export_graph", "graph_json", "json_schema"]

SCHEMA: Final = "dreamphases.graph/1"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NodeDoc(_Model):
    id: str = Field(description='ink path: "knot", "knot.stitch", "knot.stitch.label"; "" is the start')
    kind: Literal["root", "knot", "stitch", "label", "function"]
    name: str
    file: str
    line: int = Field(ge=0)
    params: list[str] = Field(default_factory=list, description='parameter names; "ref x" for ref parameters')
    words: int = Field(ge=0, description="words of prose written directly in this node")
    tags: list[str] = Field(default_factory=list)
    parent: str | None = Field(description="the enclosing node's id (null for the root)")
    runs_out: bool = Field(description="the node's content can run out without a divert (a loose end)")
    runs_out_at: list[int] = Field(default_factory=list, description="lines where its content runs out")
    returns: bool = Field(False, description="the node leaves with `->->` (it is entered as a tunnel)")
    words_before_choice: int = Field(0, ge=0, description="words of prose before the node's first choice")
    clean: bool = Field(True, description="no compile error inside the node (a knot: nor in its stitches)")


class EdgeDoc(_Model):
    source: str
    target: str = Field(description='a node id, "END", "DONE", or "*var" for a divert to a variable')
    kind: Literal["divert", "choice", "tunnel", "thread", "fallthrough", "call", "target"] = Field(
        description='"target": a divert target used as a value (`-> knot` stored or passed), a later way in')
    file: str
    line: int = Field(ge=0)
    conditions: list[str] = Field(default_factory=list, description="guarding conditions, as ink source")
    reads: list[str] = Field(default_factory=list, description="variables those conditions read")
    arg_count: int = Field(ge=0)
    args: list[str] = Field(default_factory=list, description="a function call's arguments, as ink source")
    choice: int | None = Field(description="index into `choices` when the edge leaves through a choice")
    ending: str | None = Field(description="the `# ending:` id on the last line before a `-> END`")
    endings: list[str] = Field(default_factory=list, description="every `# ending:` id met on the way to this END")


class ChoiceDoc(_Model):
    node: str
    text: str
    file: str
    line: int = Field(ge=0)
    sticky: bool
    fallback: bool
    conditions: list[str] = Field(default_factory=list)
    reads: list[str] = Field(default_factory=list)
    choice_set: int = Field(description="choices offered together share this id")
    targets: list[str] = Field(default_factory=list)
    words: int = Field(0, ge=0, description="words read after taking the choice, up to the next choice")
    parent: int | None = Field(None, description="index of the option this one is nested under")
    depth: int = Field(1, ge=1, description="weave depth: 1 for `*`, 2 for `* *` …")
    runtime_path: str = Field("", description="the container the choice leads into in the compiled JSON")


class VariableDoc(_Model):
    name: str
    kind: Literal["var", "const", "list", "temp", "param"]
    file: str
    line: int = Field(ge=0)
    initial: str = Field(description="the initial value's source text")
    scope: str | None = Field(description="owning node for temp/param")


class UseDoc(_Model):
    name: str
    node: str
    file: str
    line: int = Field(ge=0)
    mode: Literal["read", "write"]
    op: str | None = None
    value: bool | int | float | None = Field(None, description="a write's value when it folds to a constant")
    expr: str | None = Field(None, description="a write's right-hand side as ink source")
    feeds: str | None = Field(None, description="a read on the right-hand side of an assignment to a "
                              "global: that global (the read matters only if the value assigned does)")


class EndingDoc(_Model):
    id: str
    node: str
    file: str
    line: int = Field(ge=0)


class IncludeDoc(_Model):
    file: str = Field(description="the including file")
    included: str
    line: int = Field(ge=0)


class StatDoc(_Model):
    var: str
    label: str
    min: float
    max: float
    kind: str


class BranchDoc(_Model):
    node: str = Field(description="the node the conditional is written in")
    file: str
    line: int = Field(ge=0)
    condition: str = Field(description='the branch condition as source text ("not (…)" for an else)')
    runtime_path: str = Field(description="where the branch's content is in the compiled JSON")
    is_else: bool = Field(False, description="an `else` branch")


class StoryGraphDocument(_Model):
    """The whole graph. Lists are in source order; ids cross-reference as described per field."""

    schema_: Literal["dreamphases.graph/1"] = Field(SCHEMA, alias="schema")
    main_file: str
    files: list[str]
    includes: list[IncludeDoc]
    global_tags: list[str]
    stats: list[StatDoc] = Field(description="the well-formed `# stat:` declarations")
    nodes: list[NodeDoc]
    edges: list[EdgeDoc]
    choices: list[ChoiceDoc]
    variables: list[VariableDoc]
    uses: list[UseDoc]
    endings: list[EndingDoc]
    branches: list[BranchDoc] = Field(default_factory=list, description="every branch of every conditional")
    functions: dict[str, list[str]]
    clean: bool = Field(True, description="no compile errors: the graph holds the whole story")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def export_graph(graph: StoryGraph) -> StoryGraphDocument:
    """Validate and convert; a graph the compiler got wrong fails here, not in an editor."""
    return StoryGraphDocument.model_validate({
        "schema": SCHEMA,
        "main_file": graph.main_file,
        "files": list(graph.files),
        "includes": [{"file": a, "included": b, "line": n} for a, b, n in graph.includes],
        "global_tags": list(graph.global_tags),
        "stats": [{"var": s.var, "label": s.label, "min": s.low, "max": s.high, "kind": s.kind}
                  for s in stat_specs(graph.global_tags)],
        "nodes": [_fields(n) for n in graph.nodes.values()],
        "edges": [_fields(e) for e in graph.edges],
        "choices": [_fields(c) for c in graph.choices],
        "variables": [_fields(v) for v in graph.variables.values()],
        "uses": [_fields(u) for u in graph.uses],
        "endings": [_fields(e) for e in graph.endings],
        "branches": [_fields(b) for b in graph.branches],
        "functions": {name: list(params) for name, params in graph.functions.items()},
        "clean": graph.clean,
    })


def _fields(obj: object) -> dict[str, object]:
    """A graph dataclass as the document's fields; expression trees are printed as ink source."""
    out: dict[str, object] = {}
    for name in obj.__slots__:  # type: ignore[attr-defined]
        value = getattr(obj, name)
        if isinstance(obj, VarDecl) and name == "value":
            continue  # printed as `initial`
        if isinstance(value, tuple):
            out[name] = [source(v) if isinstance(v, EXPR_TYPES) else v for v in value]
        else:
            out[name] = source(value) if isinstance(value, EXPR_TYPES) else value
    return out


def graph_json(graph: StoryGraph) -> str:
    return export_graph(graph).model_dump_json(by_alias=True, indent=2) + "\n"


def json_schema() -> str:
    return json.dumps(StoryGraphDocument.model_json_schema(by_alias=True), indent=2) + "\n"
