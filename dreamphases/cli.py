"""The `dreamphases` command line: argument parsing and dispatch only.

Each subcommand lives in its own module under `dreamphases.commands` and exposes
`register(subparsers)`, which adds its parser and sets `handler` to a function `(args) -> int`.
Command modules import their heavy dependencies inside the handler so that start-up stays fast.

Exit codes: 0 success; 1 the story or run has problems (compile errors, failed checks, a runtime
error); 2 bad usage or unusable input (missing file, unreadable save); 130 interrupted.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

__all__ = ["main", "COMMANDS"]

#: Subcommand modules, in the order `--help` lists them.
COMMANDS: tuple[str, ...] = (
    "compile",
    "play",
    "test",
    "record",
    "explore",
    "check",
    "map",
    "stats",
    "watch",
    "lsp",
)


def build_parser() -> argparse.ArgumentParser:
    from dreamphases import __version__

    parser = argparse.ArgumentParser(
        prog="dreamphases",
        description="Compile, play, check and test interactive fiction written in ink.",
    )
    parser.add_argument("--version", action="version", version=f"dreamphases {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"dreamphases.commands.{name}").register(sub)
    from dreamphases.commands.helptext import tidy

    tidy(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return int(handler(args))
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
