"""The `/commands` a player can type at any choice prompt: one registry, shared by both front ends."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dreamphases.player.session import Session

__all__ = ["COMMANDS", "Command", "Outcome", "dispatch", "help_lines"]

Ask = Callable[[str], str]


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    usage: str
    help: str


COMMANDS: tuple[Command, ...] = (
    Command("save", "/save [slot]", "save to a named slot (default: quicksave)"),
    Command("load", "/load [slot]", "load a slot (default: autosave)"),
    Command("saves", "/saves", "list the saves with their time, place and stats"),
    Command("stats", "/stats", "show the story's stats"),
    Command("undo", "/undo", "step back one choice"),
    Command("restart", "/restart", "start the story again"),
    Command("help", "/help", "this list"),
    Command("quit", "/quit", "leave (offers to save first)"),
)
_BY_NAME = {command.name: command for command in COMMANDS}


@dataclass(frozen=True, slots=True)
class Outcome:
    quit: bool = False
    #: The scene changed (load, undo, restart): the front end redraws the choice point.
    moved: bool = False


def help_lines() -> list[str]:
    width = max(len(command.usage) for command in COMMANDS)
    lines = [f"{command.usage.ljust(width)}  {command.help}" for command in COMMANDS]
    lines.append("Choose with the number keys, or ↑/↓ and Enter. Ctrl-D or Ctrl-C quits (after an autosave).")
    return lines


def dispatch(session: Session, text: str, ask: Ask) -> Outcome:
    """Run one `/command` line. Unknown commands are explained, never fatal."""
    name, _, rest = text.strip().lstrip("/").partition(" ")
    name, arg = name.lower(), rest.strip()
    command = _BY_NAME.get(name)
    if command is None:
        session.renderer.warn(f"Unknown command '/{name}'. Type /help for the list.")
        return Outcome()
    if name == "save":
        session.save(arg or "quicksave")
    elif name == "load":
        return Outcome(moved=session.load(arg or "autosave", ask))
    elif name == "saves":
        session.list_saves()
    elif name == "stats":
        session.renderer.stats_table(session.tracker)
    elif name == "undo":
        return Outcome(moved=session.undo())
    elif name == "restart":
        return Outcome(moved=session.restart(ask))
    elif name == "help":
        for line in help_lines():
            session.renderer.info(line)
    elif name == "quit":
        return Outcome(quit=True)
    return Outcome()
