"""`dreamphases compile STORY.ink -o STORY.json`"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("compile", help="compile an ink story to ink runtime JSON")
    p.add_argument("story", type=Path, help="the main .ink file")
    p.add_argument("-o", "--output", type=Path, help="where to write the JSON (default: STORY.json)")
    p.add_argument("--quiet-warnings", action="store_true", help="print errors only")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from dreamphases.compiler import compile_path, render
    from dreamphases.fileio import write_atomic

    story: Path = args.story
    if not story.is_file():
        print(f"error: no such story file: {story}", file=sys.stderr)
        return 2
    result = compile_path(story)
    for diag in result.diagnostics:
        if diag.is_error or not args.quiet_warnings:
            print(render(diag), file=sys.stderr)
    if result.json_text is None:
        errors = sum(1 for d in result.diagnostics if d.is_error)
        print(f"{errors} error{'s' if errors != 1 else ''}; nothing written", file=sys.stderr)
        return 1
    out: Path = args.output or story.with_suffix(".json")
    write_atomic(out, result.json_text)
    return 0
