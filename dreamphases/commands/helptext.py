"""`--help` as a terminal shows it: paragraphs wrapped to the window, no Markdown.

Command modules write their descriptions as docstrings, with Markdown backticks for the README's
sake. `tidy(parser)` turns every subcommand's description and argument help into plain text — the
docstring's `` `dreamphases x STORY` — what it does`` title becomes "What it does.", backticks
go — and `Paragraphs` wraps each paragraph to the terminal's width while keeping indented lines
(examples) as they are. One place, so every command's help reads the same.
"""

from __future__ import annotations

import argparse
import re
import textwrap

__all__ = ["Paragraphs", "plain", "tidy"]

_TITLE = re.compile(r"^`dreamphases [^`]*`\s+—\s+")


def plain(text: str) -> str:
    """Markdown-free help text: a leading `` `dreamphases …` — `` title dropped (what follows it
    capitalised), backticks removed."""
    stripped = _TITLE.sub("", text.strip())
    if stripped != text.strip():
        stripped = stripped[:1].upper() + stripped[1:]
    return re.sub(r"`([^`\n]+)`", r"\1", stripped)


class Paragraphs(argparse.HelpFormatter):
    """Wrap a description paragraph by paragraph; indented lines (examples) are kept verbatim."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        out: list[str] = []
        for block in re.split(r"\n\s*\n", text.strip()):
            lines = block.splitlines()
            if all(line.startswith((" ", "\t")) for line in lines):
                out.append("\n".join(indent + line for line in lines))
            else:
                out.append(textwrap.fill(" ".join(line.strip() for line in lines), width,
                                         initial_indent=indent, subsequent_indent=indent))
        return "\n\n".join(out)


def tidy(parser: argparse.ArgumentParser) -> None:
    """Plain-text descriptions and argument help, wrapped, for `parser` and all its subcommands."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                tidy(child)
        elif action.help and action.help is not argparse.SUPPRESS:
            action.help = plain(action.help)
    if parser.description:
        parser.description = plain(parser.description)
    parser.formatter_class = Paragraphs
