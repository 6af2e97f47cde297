"""`dreamphases watch STORY.ink` — play while editing: every save recompiles and replays your choices."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dreamphases.seed import seed_argument


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "watch", help="play a story and replay your choices whenever a source file changes",
        description="Plays STORY in the terminal, through the same player as `play` (the HUD, the menu, "
        "the /commands). When the story or any file it INCLUDEs changes, it is recompiled and the choices "
        "made so far are replayed (matched by their text) to the same point, or to the first choice that "
        "no longer exists. Compile errors are shown without ending the session. Nothing is saved unless "
        "you type /save.",
    )
    p.add_argument("story", type=Path, help="the main .ink file")
    p.add_argument("--seed", type=seed_argument, default=0,
                   help="seed for RANDOM and shuffles (kept across reloads)")
    p.add_argument("--interval", type=float, default=None, metavar="SECONDS",
                   help="how often to look for changes (default 0.4)")
    p.add_argument("--saves", type=Path, default=None, metavar="DIR",
                   help="where /save writes (default: as for play)")
    p.add_argument("--fast", action="store_true", help="no pauses between scenes")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from dreamphases.player.render import Renderer, make_console
    from dreamphases.player.savedir import default_saves_dir
    from dreamphases.player.session import Session, story_id_for
    from dreamphases.tools.watch import POLL_SECONDS, PlayerWatch, WatchSession

    if args.story.is_dir() or not args.story.is_file():
        print(f"error: no such story file: {args.story}", file=sys.stderr)
        return 2
    interval = POLL_SECONDS if args.interval is None else args.interval
    if interval <= 0:
        print("error: --interval must be a positive number of seconds", file=sys.stderr)
        return 2
    core = WatchSession(args.story, seed=args.seed)
    first = core.reload()
    if not first.ok or core.engine is None:
        print("\n".join(first.errors), file=sys.stderr)
        return 1
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    from dreamphases.player.tags import story_meta

    meta = story_meta(core.engine.global_tags())
    renderer = Renderer(make_console(sys.stdout), meta, pacing=interactive and not args.fast)
    saves = default_saves_dir(args.saves)
    session = Session(core.engine, meta, renderer, saves.path, story_id_for(meta.title, args.story),
                      seed=args.seed, autosave=False, saves_why=saves.why)
    watcher = PlayerWatch(core, session, interval)
    renderer.info(f"watching {args.story} and the files it includes: save any of them to replay your "
                  "choices on the new version")
    renderer.title()
    if interactive:
        from dreamphases.player.app import play_interactive

        return play_interactive(session, watcher=watcher)
    from dreamphases.player.scripted import inputs_from_lines, play_scripted

    session.start()
    return play_scripted(session, inputs_from_lines(sys.stdin), watcher)
