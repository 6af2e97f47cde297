"""`stats`: how big the story is and how long it takes to read.

Words per knot and in total, choices (and how many are gated by a condition), endings, the longest
stretch read without a choice, and for each ending the reading time of the shortest and the longest
route from the start. Routes follow diverts, choices, tunnels, threads and fall-throughs; the
longest route visits each scene at most once (loops would make it endless). Words are counted per
scene, so a scene's words count in full when a route passes through it, including choice bodies the
reader does not pick: the figures are upper bounds at scene granularity.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from dreamphases.compiler.graph import StoryGraph
from dreamphases.tools.analysis import GraphIndex

__all__ = ["Route", "StoryStats", "compute_stats", "format_stats", "reading_time", "stats_json",
           "DEFAULT_WPM"]

#: A common estimate of adult silent reading speed for fiction.
DEFAULT_WPM = 230
_ROUTE_KINDS = ("divert", "choice", "tunnel", "thread", "fallthrough")


@dataclass(slots=True)
class Route:
    ending: str
    file: str
    line: int
    shortest_words: int
    longest_words: int
    shortest_path: list[str] = field(default_factory=list)


@dataclass(slots=True)
class StoryStats:
    story: str
    total_words: int
    #: knot id ("" for the start, "(functions)" for all functions) -> words in it, its stitches and labels
    words_per_knot: dict[str, int]
    choices_per_knot: dict[str, int]
    choices: int
    gated_choices: int
    endings: list[str]
    longest_run_words: int
    longest_run_path: list[str]
    routes: list[Route]


def _dag_longest(index: GraphIndex, weight: dict[str, int]) -> dict[str, int]:
    """Most words on a loop-free route from the start to each node (back edges of a DFS dropped)."""
    start = ""
    if start not in index.graph.nodes:
        return {}
    order: list[str] = []
    state: dict[str, int] = {start: 1}  # 1 on the DFS stack, 2 finished
    kept: dict[str, list[str]] = {}
    stack = [(start, iter(list(index.successors(start, _ROUTE_KINDS))))]
    while stack:
        node, successors = stack[-1]
        advanced = False
        for target in successors:
            if state.get(target) == 1:
                continue  # a back edge: it closes a loop
            kept.setdefault(target, []).append(node)
            if target not in state:
                state[target] = 1
                stack.append((target, iter(list(index.successors(target, _ROUTE_KINDS)))))
                advanced = True
                break
        if not advanced:
            state[node] = 2
            order.append(node)
            stack.pop()
    best: dict[str, int] = {}
    for node in reversed(order):  # topological order of the kept edges
        before = [best[p] for p in kept.get(node, ()) if p in best]
        best[node] = weight[node] + (max(before) if before else 0)
    return best


def _shortest(index: GraphIndex, weight: dict[str, int]) -> tuple[dict[str, int], dict[str, str]]:
    """Fewest words from the start to each node (Dijkstra; node weights), with predecessors."""
    if "" not in index.graph.nodes:
        return {}, {}
    dist = {"": weight[""]}
    prev: dict[str, str] = {}
    heap = [(weight[""], "")]
    while heap:
        cost, node = heapq.heappop(heap)
        if cost > dist.get(node, cost):
            continue
        for target in index.successors(node, _ROUTE_KINDS):
            new = cost + weight[target]
            if new < dist.get(target, new + 1):
                dist[target], prev[target] = new, node
                heapq.heappush(heap, (new, target))
    return dist, prev


def _path(prev: dict[str, str], node: str) -> list[str]:
    path = [node]
    while path[-1] in prev and len(path) <= len(prev):
        path.append(prev[path[-1]])
    return path[::-1]


def compute_stats(graph: StoryGraph, lines: Callable[[str], list[str]] | None = None,
                  story: str | None = None) -> StoryStats:
    """`lines(file)` gives a source file's lines (for the words read before a scene's first choice);
    `story` is the name to report (default: the graph's main file)."""
    index = GraphIndex.build(graph, lines)
    weight = {n.id: n.words for n in graph.nodes.values()}
    words: dict[str, int] = {}
    choices_in: dict[str, int] = {}
    for node in graph.nodes.values():
        top = "(functions)" if node.kind == "function" else index.top(node.id)
        words[top] = words.get(top, 0) + node.words
        choices_in.setdefault(top, 0)
    words = {k: v for k, v in words.items() if k != "(functions)" or v}  # text printed by functions
    for choice in graph.choices:
        top = index.top(choice.node)
        choices_in[top] = choices_in.get(top, 0) + 1
    runs = [index.longest_run(start) for start in index.run_starts()]
    run_words, run_path = max(runs, default=(0, []), key=lambda r: r[0])
    shortest, prev = _shortest(index, weight)
    longest = _dag_longest(index, weight)
    routes: list[Route] = []
    for edge in graph.edges:
        if edge.target != "END" or edge.source not in shortest:
            continue
        name = edge.ending or f"END at {edge.file}:{edge.line}"
        routes.append(Route(name, edge.file, edge.line, shortest[edge.source],
                            longest.get(edge.source, shortest[edge.source]), _path(prev, edge.source)))
    merged: dict[str, Route] = {}
    for route in routes:  # an ending reached from several places: its best and worst over all of them
        seen = merged.get(route.ending)
        if seen is None:
            merged[route.ending] = route
            continue
        if route.shortest_words < seen.shortest_words:
            seen.shortest_words, seen.shortest_path = route.shortest_words, route.shortest_path
        seen.longest_words = max(seen.longest_words, route.longest_words)
    for ending in graph.endings:
        # an END edge records one ending id; a scene that picks its ending in a conditional has
        # more, listed in graph.endings with the scene: they share the scene's routes
        if ending.id not in merged and ending.node in shortest:
            shared = [r for r in routes if r.shortest_path and r.shortest_path[-1] == ending.node]
            if shared:
                base = shared[0]
                merged[ending.id] = Route(ending.id, base.file, base.line, base.shortest_words,
                                          base.longest_words, base.shortest_path)
    endings = sorted({e.id for e in graph.endings} | {e.ending for e in graph.edges if e.ending})
    return StoryStats(
        story=story or graph.main_file,
        total_words=sum(weight.values()),
        words_per_knot=words,
        choices_per_knot=choices_in,
        choices=len(graph.choices),
        gated_choices=sum(1 for c in graph.choices if c.conditions),
        endings=endings,
        longest_run_words=run_words,
        longest_run_path=run_path,
        routes=sorted(merged.values(), key=lambda r: (r.file, r.line)),
    )


def stats_json(stats: StoryStats, wpm: int = DEFAULT_WPM) -> str:
    """`stats --format json`: the StoryStats fields (schema `dreamphases.stats/1`) plus minutes per route."""
    data: dict[str, Any] = {"schema": "dreamphases.stats/1", "words_per_minute": wpm, **asdict(stats)}
    for route in data["routes"]:
        route["shortest_minutes"] = round(route["shortest_words"] / wpm, 2)
        route["longest_minutes"] = round(route["longest_words"] / wpm, 2)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def reading_time(words: int, wpm: int = DEFAULT_WPM) -> str:
    seconds = round(words * 60 / wpm)
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds / 60:.1f} min"
    return f"{seconds // 3600} h {round(seconds % 3600 / 60)} min"


def format_stats(stats: StoryStats, wpm: int = DEFAULT_WPM) -> str:
    knots = [k for k in stats.words_per_knot if k and k != "(functions)"]
    out = [
        f"{stats.story}: {stats.total_words:,} words in {len(knots)} knots, "
        f"{stats.choices} choices ({stats.gated_choices} gated), {len(stats.endings)} tagged endings",
        "",
        f"  {'words':>7}  {'choices':>7}  knot",
    ]
    for knot, count in sorted(stats.words_per_knot.items(), key=lambda kv: (-kv[1], kv[0])):
        out.append(f"  {count:>7,}  {stats.choices_per_knot.get(knot, 0):>7}  {knot or '(start)'}")
    out.append(f"  {stats.total_words:>7,}  {stats.choices:>7}  total")
    out.append("")
    route = " → ".join(n or "(start)" for n in stats.longest_run_path)
    out.append(f"Longest stretch without a choice: {stats.longest_run_words:,} words "
               f"(~{reading_time(stats.longest_run_words, wpm)}): {route}")
    out.append("")
    if not stats.routes:
        out.append("No route reaches `-> END`.")
    else:
        width = max(len(r.ending) for r in stats.routes)
        out.append(f"Reading time to each ending at {wpm} words a minute, shortest / longest route "
                   "(a scene's words count in full, so these are upper bounds):")
        for r in stats.routes:
            short, long = reading_time(r.shortest_words, wpm), reading_time(r.longest_words, wpm)
            out.append(f"  {r.ending:<{width}}  {r.shortest_words:>6,} words ~{short:>8}"
                       f"   {r.longest_words:>6,} words ~{long:>8}")
    return "\n".join(out) + "\n"
