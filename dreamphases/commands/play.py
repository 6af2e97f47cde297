"""`dreamphases play [STORY]` — play a story (.ink or compiled .json) in the terminal."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("play", help="play a story (.ink or compiled .json)")
    p.add_argument("story", nargs="?", type=Path, help="the story (default: the bundled DreamPhases)")
    p.add_argument("--plain", action="store_true",
                   help="inklecate's transcript format, choices (1-based) read from stdin")
    p.set_defaults(handler=run)


def load_story_json(path: Path) -> tuple[str | None, int]:
    """The story's runtime JSON (compiling .ink first); prints diagnostics. Returns (json, status)."""
    from dreamphases.compiler import compile_path, render

    if not path.is_file():
        print(f"error: no such story file: {path}", file=sys.stderr)
        return None, 2
    if path.suffix == ".json":
        return path.read_text(encoding="utf-8-sig"), 0
    result = compile_path(path)
    for diag in result.diagnostics:
        if diag.is_error:
            print(render(diag), file=sys.stderr)
    return result.json_text, (0 if result.json_text is not None else 1)


def default_story() -> Path:
    here = Path("story/dreamphases.ink")
    if here.is_file():
        return here
    return Path(__file__).resolve().parents[2] / "story" / "dreamphases.ink"


def run(args: argparse.Namespace) -> int:
    from dreamphases.player.plain import play_plain
    from dreamphases.runtime.engine import Engine, StoryLoadError

    json_text, status = load_story_json(args.story or default_story())
    if json_text is None:
        return status
    try:
        engine = Engine(json_text)
    except StoryLoadError as exc:
        print(f"error: the runtime could not load this story: {exc}", file=sys.stderr)
        return 2
    picks = [int(tok) for tok in sys.stdin.read().split() if tok.lstrip("-").isdigit()]
    return play_plain(engine, picks, sys.stdout)
