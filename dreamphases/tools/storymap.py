"""`map`: the story graph drawn as Graphviz DOT, Mermaid, or a self-contained HTML page.

One `MapView` decides what is drawn (nodes, clusters, edge labels, endings, unreachable nodes);
the DOT and Mermaid writers only spell it. Knots that have stitches or labels are drawn as boxes
around them; functions and call edges are left out (they return, so they are not places a reader
goes). Each `-> END` leads to its ending, highlighted and labelled with its `# ending:` id.
"""

from __future__ import annotations

import html
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from dreamphases.compiler.expr_tree import Expr, source
from dreamphases.compiler.graph import StoryGraph
from dreamphases.tools.analysis import GraphIndex, via_choice

__all__ = ["MapView", "MapNode", "MapEdge", "build_view", "to_dot", "to_mermaid", "to_html", "render_svg",
           "DEFAULT_LINK"]

#: Where a node links to. `{path}` is the absolute file path, `{line}` the line; e.g. for VS Code
#: use `vscode://file{path}:{line}`.
DEFAULT_LINK = "file://{path}#L{line}"
_LABEL_MAX = 40


@dataclass(frozen=True, slots=True)
class MapNode:
    id: str
    label: str
    kind: str  # root, knot, stitch, label, ending, end, done, variable
    file: str = ""
    line: int = 0
    reachable: bool = True
    cluster: str | None = None  # the knot whose box this node is drawn in
    path: str = ""  # the file on disk (absolute), for links


@dataclass(frozen=True, slots=True)
class MapEdge:
    source: str
    target: str
    kind: str
    label: str = ""


@dataclass(slots=True)
class MapView:
    nodes: dict[str, MapNode] = field(default_factory=dict)
    edges: list[MapEdge] = field(default_factory=list)
    #: knot id -> its title, for knots drawn as a box around their stitches and labels
    clusters: dict[str, str] = field(default_factory=dict)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _LABEL_MAX else text[: _LABEL_MAX - 1] + "…"


def _edge_label(graph: StoryGraph, conditions: tuple[Expr, ...], choice: int | None) -> str:
    parts = []
    if choice is not None and 0 <= choice < len(graph.choices):
        text = graph.choices[choice].text.strip()
        parts.append(f"“{_short(text)}”" if text else "(fallback)")
        conditions = tuple(dict.fromkeys((*graph.choices[choice].conditions, *conditions)))
    parts += [f"{{{_short(source(c))}}}" for c in conditions]
    return " ".join(parts)


def build_view(graph: StoryGraph, root: Path | None = None) -> MapView:
    """What to draw. `root` is the folder the graph's file names are relative to (the story's)."""
    index = GraphIndex.build(graph)
    base = (root or Path(".")).resolve()
    reachable = index.reachable()
    view = MapView()
    for node in graph.nodes.values():
        if node.kind == "function":
            continue
        top = index.top(node.id)
        in_box = node.kind != "root" and bool(index.children.get(top))
        label = "(start)" if node.kind == "root" else (node.id if node.kind == "knot" else node.name)
        view.nodes[node.id] = MapNode(node.id, label, node.kind, node.file, node.line,
                                      node.id in reachable, top if in_box else None,
                                      (base / node.file).as_posix() if node.file else "")
        if in_box:
            view.clusters[top] = graph.nodes[top].name
    for edge in graph.edges:
        if edge.kind == "call" or edge.source not in view.nodes:
            continue
        targets = [edge.target]
        if edge.target == "END":
            # an END a conditional reaches with one of several tagged endings leads to each of them
            endings = index.ending_ids(edge)
            targets = [f"ending:{e}" for e in endings] or ["END"]
            for target, ending in zip(targets, endings or (None,), strict=True):
                view.nodes.setdefault(target, MapNode(target, ending or "END", "ending" if ending else "end"))
        elif edge.target == "DONE":
            view.nodes.setdefault("DONE", MapNode("DONE", "DONE", "done"))
        elif edge.target.startswith("*"):
            view.nodes.setdefault(edge.target, MapNode(edge.target, f"-> {edge.target[1:]}", "variable"))
        elif edge.target not in view.nodes:
            continue
        kind = "choice" if via_choice(edge) and edge.kind == "divert" else edge.kind
        label = _edge_label(graph, edge.conditions, edge.choice)
        view.edges += [MapEdge(edge.source, target, kind, label) for target in targets]
    return view


def _link(node: MapNode, template: str) -> str:
    return template.format(path=node.path, line=node.line) if node.path else ""


# -- DOT ------------------------------------------------------------------------------------------

def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


_DOT_NODE = {
    "root": 'shape=circle, fillcolor="#d8e8ff"',
    "knot": 'fillcolor="#ffffff"',
    "stitch": 'fillcolor="#f3f3f3"',
    "label": 'shape=ellipse, fillcolor="#f3f3f3"',
    "ending": 'shape=doubleoctagon, fillcolor="#ffd966", penwidth=2',
    "end": 'shape=doublecircle, fillcolor="#ffd966"',
    "done": 'shape=circle, fillcolor="#eeeeee"',
    "variable": 'shape=diamond, fillcolor="#eeeeee"',
}
_DOT_EDGE = {
    "choice": "", "divert": "style=bold", "fallthrough": "style=dashed, color=gray40",
    "tunnel": 'style=bold, color="#1f6fb2", arrowhead=diamond', "thread": 'style=dotted, color="#1f6fb2"',
    # a divert target kept as a value (`VAR next = -> knot`): entered later, through the variable
    "target": "style=dotted, color=gray50, arrowhead=open",
}


def _dot_node(node: MapNode, link: str) -> str:
    attrs = [f"label={_q(node.label)}", _DOT_NODE.get(node.kind, "")]
    if node.file:
        attrs.append(f"tooltip={_q(f'{node.file}:{node.line}')}")
        attrs.append(f"URL={_q(_link(node, link))}")
    if not node.reachable:
        attrs.append('style="rounded,filled,dashed", fontcolor=gray50, color=gray50')
    return f"  {_q(node.id)} [{', '.join(a for a in attrs if a)}];"


def to_dot(view: MapView, title: str = "story", link: str = DEFAULT_LINK) -> str:
    out = [
        f"digraph {_q(title)} {{",
        '  graph [rankdir=LR, fontname="Helvetica", fontsize=11, nodesep=0.3];',
        '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11];',
        '  edge [fontname="Helvetica", fontsize=9];',
    ]
    for number, (knot, name) in enumerate(view.clusters.items()):
        out.append(f"  subgraph cluster_{number} {{")
        out.append(f'    label={_q(name)}; style="rounded"; color=gray60;')
        out += ["  " + _dot_node(n, link) for n in view.nodes.values() if n.cluster == knot]
        out.append("  }")
    out += [_dot_node(n, link) for n in view.nodes.values() if n.cluster is None]
    for edge in view.edges:
        attrs = [_DOT_EDGE.get(edge.kind, "")]
        if edge.label:
            attrs.append(f"label={_q(edge.label)}")
        body = ", ".join(a for a in attrs if a)
        out.append(f"  {_q(edge.source)} -> {_q(edge.target)}" + (f" [{body}];" if body else ";"))
    out.append("}")
    return "\n".join(out) + "\n"


# -- Mermaid --------------------------------------------------------------------------------------

def _m(text: str) -> str:
    # Mermaid's own entity codes: a raw `<` could open an HTML tag inside a label
    codes = {"&": "#amp;", "<": "#lt;", ">": "#gt;", '"': "#quot;"}
    return '"' + "".join(codes.get(ch, ch) for ch in text) + '"'


_MERMAID_SHAPE = {"root": ("((", "))"), "label": ("([", "])"), "ending": ("{{", "}}"),
                  "end": ("(((", ")))"), "done": ("((", "))"), "variable": ("{", "}")}
_MERMAID_ARROW = {"fallthrough": "-.->", "divert": "==>", "tunnel": "==o", "thread": "-.-o", "target": "-.-x"}


def to_mermaid(view: MapView, link: str = DEFAULT_LINK) -> str:
    ids = {node_id: f"n{number}" for number, node_id in enumerate(view.nodes)}

    def declare(node: MapNode) -> str:
        left, right = _MERMAID_SHAPE.get(node.kind, ("[", "]"))
        return f"{ids[node.id]}{left}{_m(node.label)}{right}"

    out = ["flowchart LR"]
    for number, (knot, name) in enumerate(view.clusters.items()):
        out.append(f"  subgraph c{number} [{_m(name)}]")
        out += [f"    {declare(n)}" for n in view.nodes.values() if n.cluster == knot]
        out.append("  end")
    out += [f"  {declare(n)}" for n in view.nodes.values() if n.cluster is None]
    for edge in view.edges:
        arrow = _MERMAID_ARROW.get(edge.kind, "-->")
        label = f"|{_m(edge.label)}|" if edge.label else ""
        out.append(f"  {ids[edge.source]} {arrow}{label} {ids[edge.target]}")
    out.append("  classDef ending fill:#ffd966,stroke:#b38f00,stroke-width:2px")
    out.append("  classDef unreachable stroke-dasharray:4 3,color:#888")
    endings = [ids[n.id] for n in view.nodes.values() if n.kind in ("ending", "end")]
    if endings:
        out.append(f"  class {','.join(endings)} ending")
    dead = [ids[n.id] for n in view.nodes.values() if not n.reachable]
    if dead:
        out.append(f"  class {','.join(dead)} unreachable")
    for node in view.nodes.values():
        if node.file:
            out.append(f'  click {ids[node.id]} href "{_link(node, link)}" "{node.file}:{node.line}"')
    return "\n".join(out) + "\n"


# -- HTML -----------------------------------------------------------------------------------------

def render_svg(dot: str) -> tuple[str | None, str | None]:
    """(svg, None) from Graphviz's `dot`, or (None, why not)."""
    exe = shutil.which("dot")
    if exe is None:
        return None, ("Graphviz's `dot` was not found, so this page has no drawing. Install Graphviz "
                      "(`apt-get install graphviz`, `brew install graphviz`, or graphviz.org) and run "
                      "`dreamphases map --html` again. The scenes and their links are listed below.")
    try:
        done = subprocess.run([exe, "-Tsvg"], input=dot, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return None, f"Graphviz's `dot` failed ({exc}); the scenes are listed below."
    if done.returncode != 0:
        return None, f"Graphviz's `dot` failed: {done.stderr.strip()[:500]}"
    svg = done.stdout
    return svg[svg.find("<svg"):], None


_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem;color:#222}
h1{font-size:1.4rem} .note{background:#fff4d6;border:1px solid #e0c060;padding:.6rem 1rem;border-radius:6px}
.drawing{overflow:auto;border:1px solid #ddd;border-radius:6px;padding:.5rem;margin:1rem 0}
table{border-collapse:collapse} td,th{padding:.2rem .8rem;border-bottom:1px solid #eee;text-align:left}
.unreachable{color:#999} .ending{background:#fff2c0} code{font-size:.9em}
"""


def to_html(view: MapView, dot: str, title: str, link: str = DEFAULT_LINK,
            appendix: str = "") -> tuple[str, str | None]:
    """A page with no outside resources. Returns (html, why it has no drawing or None). `appendix` is
    HTML placed after the scene table (`map --explore` puts the stat trajectories there)."""
    svg, note = render_svg(dot)
    esc = html.escape
    rows = []
    for node in view.nodes.values():
        if node.kind in ("ending", "end", "done", "variable"):
            continue
        where = (f'<a href="{esc(_link(node, link))}"><code>{esc(node.file)}:{node.line}</code></a>'
                 if node.file else "")
        css = "" if node.reachable else ' class="unreachable"'
        rows.append(f"<tr{css}><td><code>{esc(node.id or '(start)')}</code></td><td>{node.kind}</td>"
                    f"<td>{where}</td></tr>")
    endings = sorted({e.label for e in view.nodes.values() if e.kind == "ending"})
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{esc(title)} — story map</title><style>{_CSS}</style></head><body>",
        f"<h1>{esc(title)} — story map</h1>",
        f"<p>{len(rows)} scenes, {len(view.edges)} connections, {len(endings)} tagged endings"
        + (f": {esc(', '.join(endings))}" if endings else "") + ". Greyed scenes are unreachable; "
        "gold shapes are endings. Click a scene to open its source.</p>",
    ]
    parts.append(f'<div class="drawing">{svg}</div>' if svg else f'<p class="note">{esc(note or "")}</p>')
    parts.append("<h2>Scenes</h2><table><tr><th>scene</th><th>kind</th><th>source</th></tr>")
    parts += rows
    parts.append("</table>")
    if appendix:
        parts.append(appendix)
    parts.append("</body></html>")
    return "\n".join(parts) + "\n", note
