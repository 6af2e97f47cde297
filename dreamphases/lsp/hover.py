"""Hover: what the story graph knows about the name under the cursor, as Markdown.

A knot or stitch: its words, its choices, who diverts to it, what it reads and writes. A variable:
where it is declared, written and read, and its `# stat:` range. Everything comes from the graph
the compiler built; nothing here reparses the story.
"""

from __future__ import annotations

from collections.abc import Iterable

from dreamphases.compiler.graph import StoryGraph
from dreamphases.lsp.stories import Compiled
from dreamphases.lsp.symbols import Key, SymbolIndex
from dreamphases.statspec import stat_specs

__all__ = ["hover_text"]

#: places listed per heading before "and N more"
_SHOWN = 8


def _within(graph: StoryGraph, node: str, root: str) -> bool:
    """Is `node` the node `root` or inside it (a stitch or label of it)?"""
    while True:
        if node == root:
            return True
        parent = graph.nodes[node].parent if node in graph.nodes else None
        if not parent:
            return root == "" and node == ""
        node = parent


def _places(rows: Iterable[tuple[str, str, int]]) -> str:
    """`` `node` (file:line)`` items, in order, deduplicated, the first few."""
    unique = list(dict.fromkeys(rows))
    shown = [f"`{node or '(top)'}` ({file}:{line})" for node, file, line in unique[:_SHOWN]]
    more = len(unique) - _SHOWN
    return ", ".join(shown) + (f", and {more} more" if more > 0 else "")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _node_hover(graph: StoryGraph, node_id: str) -> str:
    node = graph.nodes[node_id]
    inside = [n for n in graph.nodes.values() if _within(graph, n.id, node_id)]
    inside_ids = {n.id for n in inside}
    words = sum(n.words for n in inside)
    choices = [c for c in graph.choices if c.node in inside_ids]
    header = f"**{node.kind}** `{node_id}`"
    if node.params:
        header += f"({', '.join(node.params)})"
    out = [header, "", f"{_plural(words, 'word')}, {_plural(len(choices), 'choice')}"
           + (f" · {', '.join(f'`#{t}`' for t in node.tags[:4])}" if node.tags else "")]
    callers = [(e.source, e.file, e.line) for e in graph.edges if e.target == node_id and e.source != node_id]
    verb = "called from" if node.kind == "function" else "diverted to from"
    out.append(f"{verb}: {_places(callers)}" if callers else
               f"nothing {'calls' if node.kind == 'function' else 'diverts to'} it")
    uses = [u for u in graph.uses if u.node in inside_ids]
    reads = list(dict.fromkeys(u.name for u in uses if u.mode == "read"))
    writes = list(dict.fromkeys(u.name for u in uses if u.mode == "write"))
    if reads:
        out.append("reads: " + ", ".join(f"`{r}`" for r in reads))
    if writes:
        out.append("writes: " + ", ".join(f"`{w}`" for w in writes))
    return "\n\n".join(out[:2]) + "\n\n" + "  \n".join(out[2:])


def _variable_hover(graph: StoryGraph, name: str) -> str:
    var = graph.variables.get(name)
    out = []
    if var is not None:
        keyword = {"var": "VAR", "const": "CONST", "list": "LIST"}.get(var.kind, var.kind)
        value = f" = {var.initial}" if var.initial else ""
        out.append(f"**{keyword}** `{name}{value}`")
        out.append(f"declared at {var.file}:{var.line}")
    spec = next((s for s in stat_specs(graph.global_tags) if s.var == name), None)
    if spec is not None:
        low = int(spec.low) if spec.low.is_integer() else spec.low
        high = int(spec.high) if spec.high.is_integer() else spec.high
        out.append(f"`# stat:` {spec.label}, {low}..{high} ({spec.kind})")
    writes = [(u.node, u.file, u.line) for u in graph.uses if u.name == name and u.mode == "write"]
    reads = [(u.node, u.file, u.line) for u in graph.uses if u.name == name and u.mode == "read"]
    out.append(f"written ({len(writes)}): {_places(writes)}" if writes else "never written")
    out.append(f"read ({len(reads)}): {_places(reads)}" if reads else "never read")
    return out[0] + "\n\n" + "  \n".join(out[1:])


def hover_text(story: Compiled, index: SymbolIndex, key: Key) -> str | None:
    graph = story.graph
    if graph is None:
        return None
    symbol = index.symbols.get(key)
    if key.kind == "node" and key.target in graph.nodes:
        return _node_hover(graph, key.target)
    if key.kind == "var":
        return _variable_hover(graph, key.target)
    if key.kind == "item":
        lst, _, item = key.target.partition(".")
        return f"**list item** `{item}` of LIST `{lst}`"
    if key.kind == "temp" and symbol is not None:
        where = ""
        if symbol.definition is not None:
            name = story.name_of(symbol.definition.file) or symbol.definition.file.name
            where = f"\n\ndeclared at {name}:{symbol.definition.line}"
        return f"**{symbol.what}** `{key.target}` in `{key.scope}`{where}"
    return None
