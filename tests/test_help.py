"""`--help` for every command: a description, plain text (no Markdown), lines that fit the terminal."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from dreamphases.cli import COMMANDS


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("columns", [60, 80])
def test_help_is_described_plain_and_wrapped(command: str, columns: int) -> None:
    env = {**os.environ, "COLUMNS": str(columns)}
    done = subprocess.run([sys.executable, "-m", "dreamphases", command, "--help"], capture_output=True,
                          text=True, env=env, timeout=60)
    assert done.returncode == 0
    text = done.stdout
    description = text.split("\n\n")[1]
    assert not description.startswith(("positional arguments", "options")), f"{command} has no description"
    assert "`" not in text
    after_usage = text.split("\n\n", 1)[1]  # argparse cannot break one [--option VALUE] in the usage
    too_long = [line for line in after_usage.splitlines() if len(line) > columns]
    assert not too_long, too_long


@pytest.mark.parametrize("command", COMMANDS)
def test_every_option_says_what_it_does(command: str) -> None:
    from dreamphases.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for action in sub.choices[command]._actions:  # type: ignore[attr-defined]
        assert action.help, f"{command} {'/'.join(action.option_strings) or action.dest} has no help"
