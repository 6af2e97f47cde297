"""`watch`: play a story in the terminal and, whenever a source file changes, recompile and replay
the same choices to the same point.

The core is `WatchSession` (compile, replay, choose, undo; no terminal). The playing is the
player's: `PlayerWatch` hands each reload to the same `Session` that `play` uses, so the writer sees
the story exactly as a reader will (HUD, styling, keys, `/undo`, `/restart`). Replay is the
saves module's (`dreamphases.saving.replay`): choices are matched by their text, so an edit that
renumbers choices still lands in the same place, and the first choice that no longer exists stops
the replay there, which the writer is told. Changes are found by polling modification times and
sizes: no dependency, and it works on every file system (including network mounts that drop
inotify events).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from rich.text import Text

from dreamphases.loader import StoryProblem, load_story
from dreamphases.player.render import runtime_error_text
from dreamphases.player.session import Session
from dreamphases.runtime.engine import Engine, Line, StoryLoadError, StoryRuntimeError
from dreamphases.saving import ChoiceRecord, replay
from dreamphases.textsafe import printable
from dreamphases.tools.paths import source_path

__all__ = ["WatchSession", "Reload", "PlayerWatch", "POLL_SECONDS"]

POLL_SECONDS = 0.4
_Stamp = tuple[int, int] | None


@dataclass(slots=True)
class Reload:
    """What a (re)load did: compile errors (the old story keeps playing), or how far replay got."""

    errors: list[str] = field(default_factory=list)
    replayed: int = 0
    #: the first recorded choice that no longer exists (replay stopped before it)
    lost: ChoiceRecord | None = None
    lost_at: int | None = None
    runtime_error: str = ""
    lines: list[Line] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class WatchSession:
    """One story being played and watched. `history` is the choices made, by index and text."""

    def __init__(self, story: Path, seed: int = 0) -> None:
        self.story = Path(story)
        self.seed = seed
        self.engine: Engine | None = None
        self.history: list[ChoiceRecord] = []
        #: recorded choices a reload could not replay yet: kept so that undoing the edit that
        #: removed a choice brings the writer all the way back; dropped once they choose anew
        self.pending: list[ChoiceRecord] = []
        self.runtime_error = ""
        self._files: set[Path] = {self.story}
        self._stamps: dict[Path, _Stamp] = {}

    # -- files ----------------------------------------------------------------------------------
    @property
    def files(self) -> set[Path]:
        return set(self._files)

    @staticmethod
    def _stamp(path: Path) -> _Stamp:
        try:
            st = os.stat(path)
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size)

    def changed(self) -> list[Path]:
        """The watched files that changed (or appeared, or vanished) since the last (re)load."""
        return sorted(p for p in self._files if self._stamp(p) != self._stamps.get(p))

    # -- loading --------------------------------------------------------------------------------
    def reload(self) -> Reload:
        """Recompile; on success replay `history` on the new story. On errors keep the old story."""
        stamps = {p: self._stamp(p) for p in self._files}  # before compiling: edits during it count
        try:
            loaded = load_story(self.story)  # the one loader: sandboxed, keyed by every source file
            files, json_text, errors = loaded.files, loaded.json_text, []
        except StoryProblem as exc:
            files, json_text, errors = exc.files, None, exc.diagnostics or [f"error: {exc.message}"]
        if files:
            self._files = {source_path(self.story, f) for f in files} | {self.story}
            stamps |= {p: self._stamp(p) for p in self._files if p not in stamps}
        self._stamps = stamps
        if json_text is None:
            return Reload(errors=errors)
        try:
            engine = Engine(json_text, host_functions=True)
        except StoryLoadError as exc:
            return Reload(errors=[f"the runtime could not load the compiled story: {exc}"])
        wanted = self.history + self.pending
        done = replay(engine, wanted, self.seed)
        outcome = Reload(replayed=len(done.applied), lines=list(done.lines), runtime_error=done.error)
        if done.stopped_at is not None and done.stopped_at < len(wanted) and not done.error:
            outcome.lost, outcome.lost_at = wanted[done.stopped_at], done.stopped_at
        self.engine, self.runtime_error = engine, done.error
        self.history, self.pending = list(done.applied), wanted[len(done.applied):]
        return outcome

    # -- playing --------------------------------------------------------------------------------
    def choices(self) -> list[str]:
        return [] if self.engine is None or self.runtime_error else self.engine.choices()

    @property
    def ended(self) -> bool:
        return self.engine is not None and not self.choices()

    def choose(self, number: int) -> list[Line]:
        """Take choice `number` (1-based) and return the lines that follow. Raises IndexError."""
        offered = self.choices()
        if self.engine is None or not 1 <= number <= len(offered):
            raise IndexError(number)
        self.engine.choose(number - 1)
        self.pending = []
        self.history.append(ChoiceRecord(index=number - 1, text=offered[number - 1]))
        lines: list[Line] = []
        try:
            while self.engine.can_continue():
                lines.append(self.engine.next_line())
        except StoryRuntimeError as exc:
            self.runtime_error = str(exc)
            lines.append(Line(exc.text))
        return lines

    def rewind(self, keep: int) -> Reload:
        """Go back to after the first `keep` choices (undo is `keep = len(history) - 1`)."""
        self.history, self.pending = self.history[: max(keep, 0)], []
        return self.reload()


# -- the player's side -----------------------------------------------------------------------------

class PlayerWatch:
    """Connects a `WatchSession` (compile, replay) to the player's `Session`, so `watch` plays through
    the same player as `play` — the same HUD, menu, keys and `/commands` — and reloads when a source
    file changes (the interactive prompt polls `changed` while it waits; scripted input checks it
    before each input).
    """

    def __init__(self, core: WatchSession, session: Session, interval: float = POLL_SECONDS) -> None:
        self.core = core
        self.session = session
        self.interval = interval

    def changed(self) -> bool:
        return bool(self.core.changed())

    def reload(self) -> None:
        names = ", ".join(p.name for p in self.core.changed()) or self.core.story.name
        if self.session.history != self.core.history:
            # the player chose (or undid) since the last reload: what they did now is the history,
            # and choices an earlier edit made unreachable are not coming back
            self.core.history, self.core.pending = list(self.session.history), []
        outcome = self.core.reload()
        renderer = self.session.renderer
        renderer.console.print()
        if not outcome.ok:
            renderer.warn(f"── {names} has errors; still playing the last version that compiled ──")
            for error in outcome.errors:
                renderer.console.print(Text(printable(error)))
            return
        assert self.core.engine is not None
        self.session.adopt(self.core.engine, self.core.history, outcome.lines, outcome.runtime_error)
        replayed = f"{outcome.replayed} choice{'s' if outcome.replayed != 1 else ''}"
        renderer.info(f"── {names} reloaded: replayed {replayed} ──")
        if outcome.lost is not None and outcome.lost_at is not None:
            renderer.warn(f"── choice {outcome.lost_at + 1} (“{outcome.lost.text}”) no longer exists; "
                          "stopped just before it ──")
        if outcome.runtime_error:
            renderer.error(f"── replay stopped at a runtime error: {runtime_error_text(outcome.runtime_error)} ──")
        self.session.replay_recent()
