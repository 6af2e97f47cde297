"""`dreamphases watch STORY.ink` — play while editing: every save recompiles and replays your choices."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from dreamphases.seed import seed_argument


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "watch", help="play a story and replay your choices whenever a source file changes",
        description="Plays STORY in the terminal. When the story or any file it INCLUDEs changes, it is "
        "recompiled and the choices made so far are replayed (matched by their text) to the same point, "
        "or to the first choice that no longer exists. Compile errors are shown without ending the session.",
    )
    p.add_argument("story", type=Path, help="the main .ink file")
    p.add_argument("--seed", type=seed_argument, default=0, help="seed for RANDOM and shuffles (kept across reloads)")
    p.add_argument("--interval", type=float, default=None, metavar="SECONDS",
                   help="how often to look for changes (default 0.4)")
    p.set_defaults(handler=run)


def _blocking_reader(timeout: float) -> str | None:
    line = sys.stdin.readline()
    if line == "":
        raise EOFError
    return line


def run(args: argparse.Namespace) -> int:
    from dreamphases.tools.watch import POLL_SECONDS, WatchSession, run_watch, stdin_reader

    if not args.story.is_file():
        print(f"error: no such story file: {args.story}", file=sys.stderr)
        return 2
    interval = POLL_SECONDS if args.interval is None else args.interval
    if interval <= 0:
        print("error: --interval must be a positive number of seconds", file=sys.stderr)
        return 2
    # select() on a console handle does not work on Windows: there, changes show at the next input
    read = _blocking_reader if os.name == "nt" else stdin_reader(sys.stdin)
    return run_watch(WatchSession(args.story, seed=args.seed), read, sys.stdout, interval)
