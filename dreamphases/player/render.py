"""How the story looks: rich rendering of lines, speakers, glitches, stat notes, the HUD and menus.

Everything here is a pure function of what it is given (the glitch is seeded by the line itself),
so a replay or a reload looks exactly as the first time. Degradation by lucidity changes only the
rendering, never the text: transcripts and saves keep the words as the story wrote them.
"""

from __future__ import annotations

import hashlib
import math
import os
import random
import sys
import time
from typing import TextIO

from rich.console import Console
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from dreamphases.player.tags import MAX_GLITCH, LineStyle, StoryMeta, line_style
from dreamphases.runtime.engine import Line
from dreamphases.runtime.stats import StatChange, StatTracker
from dreamphases.statspec import StatSpec
from dreamphases.textsafe import printable

__all__ = ["Renderer", "glitch", "make_console", "speaker_colour", "format_number", "hud_text", "runtime_error_text"]

#: Speaker colours: distinct on dark and light terminals, none of them the narration's colour.
PALETTE: tuple[str, ...] = (
    "cyan", "magenta", "green", "yellow", "bright_blue", "bright_magenta",
    "bright_cyan", "orange3", "spring_green3", "medium_purple1",
)
# Combining marks stack on letters, which stay readable beneath (U+034F is an invisible joiner: skipped).
_MARKS = [chr(c) for c in range(0x0300, 0x0370) if c != 0x034F]
_NOISE = "░▒▓▚▞"
#: The most noise low lucidity alone puts on untagged narration and on the menu (a light sprinkle of
#: marks, no blocks), and on `# nightmare` lines: the text stays readable at lucidity 0.
NARRATION_CAP = 1
NIGHTMARE_CAP = 2


def stable_int(text: str) -> int:
    """A hash that is the same in every process (Python's `hash` is salted per run)."""
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


def speaker_colour(name: str) -> str:
    return PALETTE[stable_int(name.strip().casefold()) % len(PALETTE)]


def glitch(text: str, level: int) -> str:
    """Corrupt `text` for display at `level` (0 = untouched, 5 = heavy), the same way every time.

    Every original character survives in order — marks are stacked on letters and noise is only
    inserted between words — so the line can still be read (and copied) through the static.
    """
    if level <= 0 or not text:
        return text
    rng = random.Random(stable_int(f"{level}\x00{text}"))
    p_mark = min(0.9, 0.08 * level)
    out: list[str] = []
    for char in text:
        out.append(char)
        if char.isalnum() and rng.random() < p_mark:
            out.extend(rng.choice(_MARKS) for _ in range(rng.randint(1, max(1, level // 2))))
        elif char == " " and level >= 3 and rng.random() < 0.05 * level:
            out.append(rng.choice(_NOISE) + " ")
    return "".join(out)


def runtime_error_text(message: str) -> str:
    """A runtime error as the player reads it: the runtime's message without its own `RUNTIME ERROR:`
    prefix (the sentence around it already says so), and without control characters."""
    return printable(message.removeprefix("RUNTIME ERROR:").strip())


def format_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def make_console(
    file: TextIO | None = None, *, terminal: bool | None = None, width: int | None = None
) -> Console:
    """A console honouring NO_COLOR; `terminal=False` renders without any escape sequence."""
    no_color = bool(os.environ.get("NO_COLOR"))
    return Console(
        file=file or sys.stdout,
        force_terminal=terminal,
        no_color=no_color,
        color_system=None if terminal is False else "auto",
        width=width,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )


def bar(spec: StatSpec, value: float, cells: int = 10) -> str:
    filled = round(spec.fraction(value) * cells)
    return "█" * filled + "░" * (cells - filled)


def stat_style(spec: StatSpec, value: float) -> str:
    fraction = spec.fraction(value)
    if spec.kind == "bond":
        return "green" if value > 0 else ("red" if value < 0 else "white")
    return "red" if fraction < 0.25 else ("yellow" if fraction < 0.5 else "green")


def hud_text(tracker: StatTracker, width: int) -> Text:
    """The status line: label, bar, value and (when not 0-based) the range of each stat.

    Stats are laid out whole, breaking between stats (never inside one) when the terminal is narrow.
    """
    text = Text()
    row_length = 0
    for spec in tracker.specs:
        if spec.var not in tracker.values:
            continue
        value = tracker.values[spec.var]
        cells = 10 if width >= 60 else 5
        part = Text()
        part.append(f"{printable(spec.label)} ", style="bold")
        part.append(bar(spec, value, cells), style=stat_style(spec, value))
        shown = format_number(value)
        if spec.low == 0:
            part.append(f" {shown}/{format_number(spec.high)}")
        else:
            sign = "+" if value > 0 else ""
            part.append(f" {sign}{shown} ({format_number(spec.low)}..{format_number(spec.high)})")
        if row_length and row_length + 5 + len(part) > width:
            text.append("\n")
            row_length = 0
        elif row_length:
            text.append("  ·  ", style="dim")
            row_length += 5
        text.append_text(part)
        row_length += len(part)
    return text


class Renderer:
    """Writes the story to a rich console. `pacing` enables pauses and the typewriter `reveal`."""

    def __init__(
        self, console: Console, meta: StoryMeta, *, reveal: bool = False, pacing: bool = False
    ) -> None:
        self.console = console
        self.meta = meta
        self.reveal = reveal and pacing
        self.pacing = pacing
        #: a revealed row is half printed (Ctrl-C can land there)
        self._mid_line = False

    # -- story text -----------------------------------------------------------------------------
    def title(self) -> None:
        if self.meta.title:
            title = printable(self.meta.title)
            self.console.set_window_title(title)
            self.console.print(Rule(Text(title, style="bold")))
            if self.meta.author:
                self.console.print(Text(f"by {printable(self.meta.author)}", style="dim italic"), justify="center")
            self.console.print()

    def degradation(self, lucidity: float | None) -> int:
        """Extra glitch level from a low lucidity stat: 0 at half or above, up to 5 at the floor."""
        if lucidity is None or lucidity >= 0.5:
            return 0
        return min(5, math.ceil((0.5 - lucidity) * 10))

    def glitch_level(self, style: LineStyle, lucidity: float | None) -> int:
        """How hard to corrupt one line, given its tags and Lyra's lucidity.

        A tagged `# glitch: N` follows lucidity: half strength when fully lucid, N at half, one and a
        half times N at the floor (never below 1: the writer asked for a glitch). Untagged narration
        and nightmare lines only ever get a little noise, however low lucidity falls, so a reader who
        has lost Lyra's lucidity can still read the story they are losing.
        """
        if style.glitch:
            if lucidity is None:
                return style.glitch
            scaled = math.floor(style.glitch * (1.5 - lucidity) + 0.5)
            return max(1, min(MAX_GLITCH, scaled))
        extra = self.degradation(lucidity)
        if style.nightmare:
            return min(NIGHTMARE_CAP, extra)
        return min(NARRATION_CAP, max(0, extra - 2))

    def line(self, line: Line, lucidity: float | None = None) -> None:
        style = line_style([printable(tag) for tag in line.tags])
        body = printable(line.text.rstrip("\n"))
        if style.scene is not None:
            self.scene(style.scene)
        if not body.strip():
            if style.pause:
                self.pause()
            return
        text = self._styled(body, style, self.glitch_level(style, lucidity), lucidity)
        if style.nightmare:
            text.stylize("italic")
        self._emit(text, slow=style.nightmare)
        if style.pause:
            self.pause()

    def _styled(self, body: str, style: LineStyle, level: int, lucidity: float | None) -> Text:
        drained = lucidity is not None and lucidity < 0.35
        shown = glitch(body, level)
        if style.speaker:
            colour = "grey62" if drained else speaker_colour(style.speaker)
            text = Text()
            # Narration that already opens with the speaker's name needs no label, only the colour.
            if not body.casefold().startswith(style.speaker.casefold()):
                text.append(f"{style.speaker}: ", style=f"bold {colour}")
            text.append(shown, style=colour)
            return text
        base = "red" if style.nightmare and not drained else ("grey50" if drained else "")
        return Text(shown, style=base)

    def _emit(self, text: Text, slow: bool = False) -> None:
        if not self.reveal:
            self.console.print(text)
            return
        delay = 0.03 if slow else 0.012
        for row in text.wrap(self.console, self.console.width):
            self._mid_line = True
            for index in range(len(row)):
                self.console.print(row[index:index + 1], end="")
                self.console.file.flush()
                time.sleep(delay)
            self.console.print()
            self._mid_line = False

    def end_partial_line(self) -> None:
        """Finish a line the reveal was interrupted in, so the next message starts on its own line."""
        if self._mid_line:
            self.console.print()
            self._mid_line = False

    def scene(self, name: str) -> None:
        self.console.print()
        self.console.print(Rule(Text(name, style="bold"), style="dim") if name else Rule(style="dim"))
        if self.pacing:
            time.sleep(0.4)

    def pause(self) -> None:
        self.console.print()
        if self.pacing:
            time.sleep(0.8)

    def note(self, change: StatChange) -> None:
        style = "green" if change.delta > 0 else "red"
        if change.spec.kind == "lucidity" and change.delta < 0:
            style = "magenta"
        self.console.print(Text(f"  ✦ {printable(change.note())}", style=f"italic {style}"))

    # -- interface ------------------------------------------------------------------------------
    def hud(self, tracker: StatTracker) -> None:
        text = hud_text(tracker, self.console.width)
        if text:
            self.console.print(text, style="dim" if self.console.no_color else None)

    def stats_table(self, tracker: StatTracker) -> None:
        if not tracker.specs:
            self.info("This story declares no stats.")
            return
        table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
        for column in ("Stat", "", "Value", "Range"):
            table.add_column(column)
        for spec in tracker.specs:
            value = tracker.values.get(spec.var)
            if value is None:
                table.add_row(printable(spec.label), "", "—", f"{format_number(spec.low)}..{format_number(spec.high)}")
                continue
            table.add_row(
                printable(spec.label),
                Text(bar(spec, value), style=stat_style(spec, value)),
                format_number(value),
                f"{format_number(spec.low)}..{format_number(spec.high)}",
            )
        self.console.print(table)

    def choice_labels(self, choices: list[str], lucidity: float | None) -> list[str]:
        """The choices as the menu shows them: at very low lucidity even the options start to slip."""
        level = min(NARRATION_CAP, max(0, self.degradation(lucidity) - 2))
        return [glitch(printable(choice), level) for choice in choices]

    def choices(self, choices: list[str], lucidity: float | None = None) -> None:
        """The menu as static text (non-interactive play; the interactive prompt draws its own)."""
        for number, choice in enumerate(self.choice_labels(choices, lucidity), 1):
            row = Text(f"  {number}. ", style="bold")
            row.append(choice)
            self.console.print(row)

    def chosen(self, text: str) -> None:
        self.console.print(Text(f"› {printable(text)}", style="bold"))
        self.console.print()

    def end(self) -> None:
        self.console.print()
        self.console.print(Rule(Text("THE END", style="bold"), style="dim"))

    def info(self, message: str) -> None:
        self.console.print(Text(printable(message), style="cyan"))

    def warn(self, message: str) -> None:
        self.console.print(Text(printable(message), style="yellow"))

    def error(self, message: str) -> None:
        self.console.print(Text(printable(message), style="bold red"))
