"""`dreamphases map STORY.ink` — the story graph as DOT, Mermaid, JSON, or a self-contained HTML page."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "map", help="draw the story graph (DOT, Mermaid, HTML, JSON)",
        description="Knots, stitches and labelled gathers as nodes; diverts, choices, tunnels and threads "
        "as edges labelled with the conditions that gate them; endings highlighted.",
    )
    p.add_argument("story", nargs="?", type=Path, help="the main .ink file")
    p.add_argument("--format", choices=("dot", "mermaid", "json"), default="dot",
                   help="dot (Graphviz, default), mermaid, or json (schema dreamphases.graph/1)")
    p.add_argument("-o", "--output", type=Path, help="write here instead of standard output")
    p.add_argument("--html", type=Path, metavar="OUT.html",
                   help="write a self-contained HTML page (drawn with Graphviz's dot when installed)")
    p.add_argument("--link-template", default=None, metavar="TEMPLATE",
                   help="where nodes link: {path} and {line} are filled in "
                   "(default file://{path}#L{line}; e.g. vscode://file{path}:{line})")
    p.add_argument("--explore", type=Path, metavar="REPORT.json",
                   help="with --html: add the stat trajectories of an `explore --json -o` report")
    p.add_argument("--json-schema", action="store_true",
                   help="print the JSON Schema of --format json and exit")
    p.set_defaults(handler=run)


def _trajectories(path: Path | None) -> str | int:
    """The HTML section for an explore report's trajectories ("" without one); 2 if it is unusable."""
    if path is None:
        return ""
    from pydantic import ValidationError

    from dreamphases.testing.report import ExploreReport
    from dreamphases.testing.trajectories import trajectories_html

    try:
        report = ExploreReport.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, ValidationError) as exc:
        print(f"error: {path} is not an explore report: {str(exc).splitlines()[0]}", file=sys.stderr)
        return 2
    if report.trajectories is None:
        print(f"error: {path} has no stat trajectories (explore with random walks, without "
              "--no-trajectories)", file=sys.stderr)
        return 2
    return trajectories_html(report.trajectories)


def run(args: argparse.Namespace) -> int:
    from dreamphases.fileio import describe, write_atomic
    from dreamphases.tools.graph_schema import graph_json, json_schema
    from dreamphases.tools.loading import load_graph
    from dreamphases.tools.storymap import DEFAULT_LINK, build_view, to_dot, to_html, to_mermaid

    if args.json_schema:
        sys.stdout.write(json_schema())
        return 0
    if args.explore is not None and args.html is None:
        print("error: --explore adds to the HTML page: give --html OUT.html too", file=sys.stderr)
        return 2
    if args.story is None:
        print("error: name the story to map, e.g. `dreamphases map story.ink`", file=sys.stderr)
        return 2
    link = args.link_template or DEFAULT_LINK
    try:
        link.format(path="/x", line=1)
    except (KeyError, IndexError, ValueError):
        print("error: --link-template may only use {path} and {line}", file=sys.stderr)
        return 2
    loaded = load_graph(args.story)
    if loaded.graph is None:
        print("\n".join(loaded.errors), file=sys.stderr)
        return loaded.status
    graph = loaded.graph
    view = build_view(graph, args.story.parent)
    title = args.story.stem
    try:
        if args.html is not None:
            appendix = _trajectories(args.explore)
            if isinstance(appendix, int):
                return appendix
            page, note = to_html(view, to_dot(view, title, link), title, link, appendix)
            write_atomic(args.html, page, inputs=[args.story])
            print(f"wrote {args.html}" + (f"\nnote: {note}" if note else ""), file=sys.stderr)
            if args.output is None and args.format == "dot":
                return 0
        if args.format == "json":
            text = graph_json(graph)
        elif args.format == "mermaid":
            text = to_mermaid(view, link)
        else:
            text = to_dot(view, title, link)
        if args.output is not None:
            write_atomic(args.output, text, inputs=[args.story])
        else:
            sys.stdout.write(text)
    except OSError as exc:
        print(f"error: could not write: {describe(exc)}", file=sys.stderr)
        return 2
    return 0
