"""`dreamphases compile STORY.ink -o STORY.json`"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "compile", help="compile an ink story to ink runtime JSON",
        description="Compile an ink story (the main .ink file and everything it INCLUDEs) to the standard "
        "compiled ink JSON (inkVersion 21) that inkle's runtimes, inkjs and bink load. Errors and warnings "
        "are printed with their codes; nothing is written when there is an error. Exit 0 compiled, 1 "
        "compile errors, 2 unusable input or output.",
    )
    p.add_argument("story", type=Path, help="the main .ink file")
    p.add_argument("-o", "--output", type=Path,
                   help="where to write the JSON (default: STORY with .json for .ink); never one of the "
                   "story's own files")
    p.add_argument("--quiet-warnings", action="store_true", help="print errors only")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from dreamphases.compiler import compile_path, render
    from dreamphases.fileio import describe, write_atomic
    from dreamphases.tools.paths import display_path, source_path

    story: Path = args.story
    if story.is_dir():
        print(f"error: {story} is a folder; give the story's main .ink file", file=sys.stderr)
        return 2
    if not story.is_file():
        print(f"error: no such story file: {story}", file=sys.stderr)
        return 2
    if args.output is None and story.suffix.lower() == ".json":
        print(f"error: {story} already ends in .json, so the output would replace it; name the output "
              "with -o", file=sys.stderr)
        return 2
    result = compile_path(story, graph=False)  # (the story graph is for the tools: not built here)
    for diag in result.diagnostics:
        if diag.is_error or not args.quiet_warnings:
            # file names as the writer addressed the story (`docs/x.ink:7:6`), as `check` prints them
            shown = replace(diag, span=diag.span._replace(file=display_path(story, diag.span.file)))
            print(render(shown), file=sys.stderr)
    if result.json_text is None:
        errors = sum(1 for d in result.diagnostics if d.is_error)
        print(f"{errors} error{'s' if errors != 1 else ''}; nothing written", file=sys.stderr)
        return 1
    out: Path = args.output or story.with_suffix(".json")
    sources = [story, *(source_path(story, name) for name in result.files)]
    try:
        write_atomic(out, result.json_text, inputs=sources)
    except OSError as exc:
        print(f"error: cannot write {out}: {describe(exc)}; nothing written", file=sys.stderr)
        return 2
    return 0
