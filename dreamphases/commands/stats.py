"""`dreamphases stats STORY.ink` — words, choices, endings and reading times."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "stats", help="words, choices, endings and reading time of a story",
        description="Count the words and choices in each knot, the longest stretch a reader goes without "
        "a choice, and the reading time to each tagged ending along its shortest and longest route. "
        "Exit 0, or 1 when the story does not compile, 2 on bad usage.",
    )
    p.add_argument("story", type=Path, help="the main .ink file")
    p.add_argument("--wpm", type=int, default=None, metavar="N",
                   help="reading speed in words a minute for the time estimates (default 230)")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="text (a table for people, default) or json (the same figures for scripts)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from dreamphases.tools.loading import load_graph
    from dreamphases.tools.stats import DEFAULT_WPM, compute_stats, format_stats, stats_json

    wpm = DEFAULT_WPM if args.wpm is None else args.wpm
    if wpm < 1:
        print("error: --wpm must be a positive number of words a minute", file=sys.stderr)
        return 2
    loaded = load_graph(args.story)
    if loaded.graph is None:
        print("\n".join(loaded.errors), file=sys.stderr)
        return loaded.status
    stats = compute_stats(loaded.graph, str(args.story))
    sys.stdout.write(stats_json(stats, wpm) if args.format == "json" else format_stats(stats, wpm))
    return 0
