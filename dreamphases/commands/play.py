"""`dreamphases play [STORY]` — play a story (.ink or compiled .json) in the terminal.

Modes: interactive (a terminal on both ends), scripted (`--choices`, or stdin piped in), and
`--plain`, inklecate's transcript format read by the conformance suite (kept byte for byte).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dreamphases.seed import seed_argument

EXIT_OK, EXIT_STORY, EXIT_USAGE = 0, 1, 2


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "play", help="play a story (.ink or compiled .json)",
        description="Play a story in the terminal. With no STORY, plays the bundled DreamPhases.",
    )
    p.add_argument("story", nargs="?", type=Path, help="the story (default: the bundled DreamPhases)")
    p.add_argument("--plain", action="store_true",
                   help="inklecate's transcript format, choices (1-based) read from stdin")
    p.add_argument("--choices", metavar="LIST",
                   help="play without prompts, taking these 1-based choices in order, e.g. 1,3,2")
    p.add_argument("--seed", type=seed_argument,
                   help="seed RANDOM and shuffles so a playthrough can be repeated")
    p.add_argument("--saves", type=Path, default=None, metavar="DIR",
                   help="where saves live (default: the project's saves/ folder inside a project, else "
                   "your user data folder; /saves says which); each story gets a folder inside")
    p.add_argument("--continue", dest="resume", action="store_true", help="resume from the autosave")
    p.add_argument("--autosave", action="store_true",
                   help="let a scripted run (--choices or piped input) write the autosave; "
                   "by default only interactive play does")
    p.add_argument("--reveal", action="store_true", help="typewriter-style reveal of the text")
    p.add_argument("--fast", action="store_true", help="no pauses between scenes (and no reveal)")
    p.set_defaults(handler=run)


def load_story_json(path: Path) -> tuple[str | None, int]:
    """The story's runtime JSON (compiling .ink first, or reusing the cached compile); prints
    problems. Returns (json, status)."""
    from dreamphases.loader import StoryProblem, load_story

    try:
        return load_story(path, graph=False, disk_cache=True).json_text, EXIT_OK
    except StoryProblem as exc:
        for line in exc.diagnostics:
            print(line, file=sys.stderr)
        print(f"error: {exc.message}", file=sys.stderr)
        return None, exc.status


def default_story() -> Path:
    from dreamphases.bundled import bundled_story

    return bundled_story()


def _run_plain(json_text: str, seed: int | None) -> int:
    from dreamphases.player.plain import play_plain
    from dreamphases.runtime.engine import Engine, StoryLoadError

    try:
        engine = Engine(json_text)
    except StoryLoadError as exc:
        print(f"error: the runtime could not load this story: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if seed is not None:
        engine.set_seed(seed)
    picks = [int(tok) for tok in sys.stdin.read().split() if tok.lstrip("-").isdigit()]
    return play_plain(engine, picks, sys.stdout)


def run(args: argparse.Namespace) -> int:
    path: Path = args.story or default_story()
    json_text, status = load_story_json(path)
    if json_text is None:
        return status
    if args.plain:
        return _run_plain(json_text, args.seed)

    from dreamphases.player.render import Renderer, make_console
    from dreamphases.player.tags import story_meta
    from dreamphases.runtime.engine import Engine, StoryLoadError

    try:
        engine = Engine(json_text, host_functions=True)
    except StoryLoadError as exc:
        print(f"error: the runtime could not load this story: {exc}", file=sys.stderr)
        return EXIT_USAGE
    interactive = args.choices is None and sys.stdin.isatty() and sys.stdout.isatty()
    meta = story_meta(engine.global_tags())
    console = make_console(sys.stdout)
    renderer = Renderer(console, meta, reveal=args.reveal and not args.fast,
                        pacing=interactive and not args.fast)

    from dreamphases.player.savedir import default_saves_dir
    from dreamphases.player.session import Session, story_id_for

    saves = default_saves_dir(args.saves)
    session = Session(engine, meta, renderer, saves.path, story_id_for(meta.title, path), seed=args.seed,
                      autosave=interactive or args.autosave, saves_why=saves.why)
    renderer.title()

    if interactive:
        from dreamphases.player.app import play_interactive

        return play_interactive(session, resume=args.resume)

    from dreamphases.player.scripted import inputs_from_lines, play_scripted

    inputs = inputs_from_lines([args.choices] if args.choices is not None else sys.stdin)
    if args.resume:
        pending = iter(inputs)
        if not session.load("autosave", lambda question: next(pending, "")):
            return EXIT_USAGE
        return play_scripted(session, pending)
    session.start()
    return play_scripted(session, inputs)
