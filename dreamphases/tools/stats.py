"""`stats`: how big the story is and how long it takes to read.

Words per knot and in total, choices (and how many are gated by a condition), endings, the longest
stretch read without a choice, and for each ending the reading time of the shortest and the longest
route from the start.

A route is a sequence of choice points as one reader meets them: on arriving at a scene, its words
before the first choice; for each option taken (one per set), the words that option prints; tunnels
that only return are read in place (the model, and what the graph cannot tell it, is described in
`tools/reading.py`). So the options a reader passes over cost nothing, and the figures are real
routes, not upper bounds. The longest route visits each scene and option at most once (a loop would
make it endless), so a reader who goes round a hub reads more than it says; conditions are not
evaluated, so the shortest route can be shorter than any real playthrough.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from dreamphases.compiler.graph import StoryGraph
from dreamphases.tools.analysis import GraphIndex
from dreamphases.tools.reading import Passages

__all__ = ["Route", "StoryStats", "compute_stats", "format_stats", "reading_time", "stats_json",
           "DEFAULT_WPM"]

#: A common estimate of adult silent reading speed for fiction.
DEFAULT_WPM = 230


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
    #: states on that stretch: node ids ("" for the start) and `#n` for having taken choice n
    longest_run_path: list[str]
    routes: list[Route]
    #: the same stretch as a writer reads it: scene ids, and choices by their text in quotes
    longest_run_route: list[str] = field(default_factory=list)


def compute_stats(graph: StoryGraph, story: str | None = None) -> StoryStats:
    """`story` is the name to report (default: the graph's main file)."""
    index = GraphIndex.build(graph)
    passages = Passages.build(graph, index)
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
    runs = [passages.longest_run(start) for start in passages.run_starts()]
    run_words, run_path = max(runs, default=(0, []), key=lambda r: r[0])
    merged: dict[str, Route] = {}
    for figures in passages.routes():
        edge = figures.edge
        # an END a conditional reaches with one of several endings counts for each of them
        for name in index.ending_ids(edge) or (f"END at {edge.file}:{edge.line}",):
            seen = merged.get(name)
            if seen is None:
                merged[name] = Route(name, edge.file, edge.line, figures.shortest_words,
                                     figures.longest_words, figures.shortest_path)
                continue
            if figures.shortest_words < seen.shortest_words:
                seen.shortest_words, seen.shortest_path = figures.shortest_words, figures.shortest_path
            seen.longest_words = max(seen.longest_words, figures.longest_words)
    endings = sorted({e.id for e in graph.endings} | {i for e in graph.edges for i in index.ending_ids(e)})
    return StoryStats(
        story=story or graph.main_file,
        total_words=sum(n.words for n in graph.nodes.values()),
        words_per_knot=words,
        choices_per_knot=choices_in,
        choices=len(graph.choices),
        gated_choices=sum(1 for c in graph.choices if c.conditions),
        endings=endings,
        longest_run_words=run_words,
        longest_run_path=run_path,
        longest_run_route=[passages.label(s) for s in run_path],
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
    route = " → ".join(stats.longest_run_route)
    out.append(f"Longest stretch without a choice: {stats.longest_run_words:,} words "
               f"(~{reading_time(stats.longest_run_words, wpm)}): {route}")
    out.append("")
    if not stats.routes:
        out.append("No route reaches `-> END`.")
    else:
        width = max(len(r.ending) for r in stats.routes)
        out.append(f"Reading time to each ending at {wpm} words a minute, shortest / longest route:")
        for r in stats.routes:
            short, long = reading_time(r.shortest_words, wpm), reading_time(r.longest_words, wpm)
            out.append(f"  {r.ending:<{width}}  {r.shortest_words:>6,} words ~{short:>8}"
                       f"   {r.longest_words:>6,} words ~{long:>8}")
    return "\n".join(out) + "\n"
