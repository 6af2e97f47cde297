"""One playthrough: the engine, its stats, the choice history, saving and loading.

Both front ends (the interactive prompt and scripted play) drive a `Session`; it renders through a
`Renderer` and asks the player questions through an `ask` callback, so the rules of play — what an
undo means, when to autosave, how an edited story's save is migrated — exist once.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dreamphases.player.render import Renderer, format_number, runtime_error_text
from dreamphases.player.tags import StoryMeta
from dreamphases.runtime.engine import Engine, Line, StoryRuntimeError
from dreamphases.runtime.stats import StatTracker

if TYPE_CHECKING:  # pydantic is imported on the first save, not before the first line
    from dreamphases.saving import ChoiceRecord, SaveFile, SaveStore

__all__ = ["Session", "new_seed", "story_id_for"]

Ask = Callable[[str], str]


def story_id_for(title: str | None, path: Path | None) -> str:
    """A story's id for saves: its `# title:` (else its file name) as a slug, then a short hash of
    where the story file is.

    The slug keeps the saves folder readable; the hash keeps two stories apart that share a title or
    a file name (`a/story.ink` and `b/story.ink`), so one can never overwrite the other's autosave.
    Editing a story keeps its id (saves survive edits and are replayed); moving it starts afresh.
    """
    base = title or (path.stem if path is not None else "") or "story"
    slug = re.sub(r"[^a-z0-9]+", "-", base.lower()).strip("-")[:40].strip("-") or "story"
    if path is None:
        return slug
    where = os.path.realpath(path)
    return f"{slug}-{hashlib.sha256(where.encode('utf-8', 'surrogateescape')).hexdigest()[:8]}"


def new_seed() -> int:
    return random.SystemRandom().randrange(1, 2**31)


@dataclass(slots=True)
class _Checkpoint:
    """Enough to put the session back exactly where it was (used when a migration is declined)."""

    state: str
    history: list[ChoiceRecord]
    recent: list[Line]
    seed: int


class Session:
    def __init__(
        self,
        engine: Engine,
        meta: StoryMeta,
        renderer: Renderer,
        saves: Path,
        story_id: str,
        *,
        seed: int | None = None,
        autosave: bool = True,
        saves_why: str = "",
    ) -> None:
        self.engine = engine
        self.meta = meta
        self.renderer = renderer
        self.saves = saves
        self.saves_why = saves_why
        self.story_id = story_id
        self._store: SaveStore | None = None
        self.fixed_seed = seed
        self.seed = seed if seed is not None else new_seed()
        self.tracker = StatTracker(engine, meta.stats)
        self.history: list[ChoiceRecord] = []
        self.recent: list[Line] = []
        self.error: str | None = None
        #: Choices made since the last named save or load: `/quit` offers to save them.
        self.dirty = False
        #: Scripted runs leave the player's autosave alone unless asked (`--autosave`).
        self.autosaving = autosave
        self._autosave_warned = False
        #: Called with the index just before each choice is taken (`record` listens here).
        self.on_choice: Callable[[int], None] | None = None
        #: Where the player was before each `/restart` (history, seed): `/undo` at the start goes back.
        self._before_restart: list[tuple[list[ChoiceRecord], int]] = []

    # -- playing ------------------------------------------------------------------------------
    def start(self) -> None:
        """A new game. An autosave that cannot be read (damaged, newer, another story's) is never
        overwritten: the player is told now, not after their first choice."""
        if self.autosaving:
            from dreamphases.saving import AUTOSAVE, SaveError

            try:
                self.store.check_replaceable(AUTOSAVE)
            except SaveError as exc:
                self.renderer.warn(f"This game will not autosave: {exc}")
                self._autosave_warned = True
        self.engine.reset()
        self.engine.set_seed(self.seed)
        self.tracker.refresh()
        self.history, self.recent, self.error = [], [], None
        self.run()

    def run(self) -> None:
        """Show lines (and the stat notes they cause) until the story needs a choice or ends."""
        while self.engine.can_continue():
            try:
                line = self.engine.next_line()
            except StoryRuntimeError as exc:
                if exc.text.strip():
                    self._show(Line(exc.text, []))
                self.error = str(exc)
                self.renderer.error(f"The story stopped with a runtime error: {runtime_error_text(str(exc))}")
                break
            self._show(line)
        self._notes()
        self._arrived()

    def _arrived(self) -> None:
        if self.error is None and not self.engine.can_continue() and not self.engine.choices():
            self.renderer.end()

    def _show(self, line: Line) -> None:
        self.recent.append(line)
        self.renderer.line(line, self.tracker.lucidity())
        self._notes()

    def _notes(self) -> None:
        for change in self.tracker.drain():
            self.renderer.note(change)

    def choices(self) -> list[str]:
        return [] if self.error else self.engine.choices()

    @property
    def ended(self) -> bool:
        return not self.choices()

    def choose(self, index: int) -> None:
        from dreamphases.saving import ChoiceRecord

        text = self.engine.choices()[index]
        if self.on_choice is not None:
            self.on_choice(index)
        self.engine.choose(index)
        self.history.append(ChoiceRecord(index=index, text=text))
        self.recent = []
        self.dirty = True
        self.renderer.chosen(text)
        self.run()
        self.autosave()

    def adopt(self, engine: Engine, history: list[ChoiceRecord], lines: list[Line], error: str = "") -> None:
        """Play on with a recompiled story (`watch`): its engine, already replayed to `history`, with
        `lines` the text since the last replayed choice. Stats are re-read: the edit may have
        changed the `# stat:` declarations."""
        from dreamphases.player.tags import story_meta

        self.engine = engine
        self.meta = story_meta(engine.global_tags())
        self.renderer.meta = self.meta
        self.tracker = StatTracker(engine, self.meta.stats)
        self.tracker.refresh()
        self.history, self.recent, self.error = list(history), list(lines), (error or None)
        self.dirty = True

    def replay_recent(self) -> None:
        """Show again the text that led to the current choice point (after a load or undo)."""
        for line in self.recent:
            self.renderer.line(line, self.tracker.lucidity())
        self._arrived()

    # -- saves --------------------------------------------------------------------------------
    @property
    def store(self) -> SaveStore:
        """The story's save slots; created on first use so pydantic loads after the first line."""
        if self._store is None:
            from dreamphases.saving import SaveStore

            self._store = SaveStore(self.saves, self.story_id)
        return self._store

    def snapshot(self) -> SaveFile:
        from dreamphases.saving import SaveFile, ShownLine, now

        return SaveFile(
            story_id=self.story_id,
            story_hash=self.engine.hash,
            state=self.engine.save_state(),
            seed=self.seed,
            choices=list(self.history),
            stats=self.tracker.snapshot(),
            knot=self.engine.current_knot(),
            saved_at=now(),
            recent=[ShownLine(text=line.text, tags=line.tags) for line in self.recent],
            pending_choices=self.choices(),
        )

    def save(self, slot: str) -> bool:
        from dreamphases.saving import SaveError

        try:
            path = self.store.write(slot, self.snapshot())
        except SaveError as exc:
            self.renderer.error(f"Not saved: {exc}")
            return False
        self.dirty = False
        self.renderer.info(f"Saved to slot '{slot}' ({path}).")
        return True

    def autosave(self) -> None:
        from dreamphases.saving import SaveError

        if not self.autosaving:
            return
        try:
            self.store.write("autosave", self.snapshot())
        except SaveError as exc:
            if not self._autosave_warned:  # once is enough: the player cannot fix it mid-scene
                self.renderer.warn(f"Autosave failed: {exc}")
                self._autosave_warned = True

    def _checkpoint(self) -> _Checkpoint:
        return _Checkpoint(self.engine.save_state(), list(self.history), list(self.recent), self.seed)

    def _back_to(self, point: _Checkpoint) -> None:
        self.engine.load_state(point.state)
        self.history, self.recent, self.seed = point.history, point.recent, point.seed
        self.tracker.refresh()

    def load(self, slot: str, ask: Ask) -> bool:
        """Load a slot; on an edited story offer to replay its choices. False if nothing changed."""
        from dreamphases.saving import SaveError, replay, restore_state

        try:
            save = self.store.read(slot)
        except SaveError as exc:
            earlier = self._from_an_earlier_version(slot) if exc.missing else None
            if earlier is None:
                self.renderer.error(f"Cannot load: {exc}")
                return False
            save = earlier
        before = self._checkpoint()
        try:
            fits = restore_state(self.engine, save)
        except SaveError as exc:
            self._back_to(before)
            self.renderer.error(f"Cannot load slot '{slot}': {exc}")
            return False
        if fits:
            self.history, self.seed, self.error = list(save.choices), save.seed, None
            self.recent = [Line(line.text, list(line.tags)) for line in save.recent]
            self.tracker.refresh()
            self.dirty = False
            where = f" at {save.knot}" if save.knot else ""
            self.renderer.info(f"Loaded slot '{slot}'{where} (saved {save.saved_at:%Y-%m-%d %H:%M} UTC).")
            self.renderer.console.print()
            self.replay_recent()
            if self.engine.can_continue():  # saved mid-scene (quit while text was still coming)
                self.run()
            return True
        result = replay(self.engine, save.choices, save.seed)
        total = len(save.choices)
        changed = f"The story has changed since slot '{slot}' was saved, so its saved state no longer fits."
        if result.stopped_at is None and not result.error:
            explanation = f"{changed} All {total} saved choices still exist: a replay reaches the same place."
            question = "Replay them? [y/N] "
        else:
            missing = save.choices[result.stopped_at or 0] if result.stopped_at is not None else None
            where = f" in {result.knot}" if result.knot else ""
            if missing is not None:
                what = f"choice {len(result.applied) + 1} ('{missing.text}') no longer exists{where}"
            else:
                what = f"the story hit a runtime error ({result.error})"
            reached = len(result.applied)
            explanation = f"{changed} Replaying its choices gets through {reached} of {total}: {what}."
            question = "Continue from there? [y/N] "
        self.renderer.warn(explanation)
        if ask(question).strip().lower() not in ("y", "yes"):
            self._back_to(before)
            self.renderer.info("Not loaded; you are where you were.")
            return False
        self.history, self.seed, self.error = list(result.applied), save.seed, None
        self.recent = list(result.lines)
        self.tracker.refresh()
        self.dirty = True
        self.renderer.info(f"Replayed {len(result.applied)} of {total} choices from slot '{slot}'.")
        self.renderer.console.print()
        self.replay_recent()
        self.autosave()
        return True

    def _from_an_earlier_version(self, slot: str) -> SaveFile | None:
        """A save in this slot from before save ids carried the story's location (`saves/<slug>/`),
        taken only when it was made from this very compiled story, so it cannot be another story's.
        It is read, never moved or written: the next save goes to the story's own folder."""
        from dreamphases.saving import SaveError, read_save

        legacy = re.sub(r"-[0-9a-f]{8}$", "", self.story_id)
        if legacy == self.story_id:
            return None
        try:
            save = read_save(self.saves / legacy / f"{slot}.json", legacy, slot)
        except SaveError:
            return None
        if save.story_hash != self.engine.hash:
            return None
        return save.model_copy(update={"story_id": self.story_id})

    def undo(self) -> bool:
        from dreamphases.saving import replay

        if not self.history and self._before_restart:
            history, self.seed = self._before_restart.pop()
            result = replay(self.engine, history, self.seed)
            self.history, self.recent, self.error = list(result.applied), list(result.lines), None
            self.tracker.refresh()
            self.dirty = True
            self.renderer.info("↶ Back to where you were before the restart.")
            self.renderer.console.print()
            self.replay_recent()
            self.autosave()
            return True
        if not self.history:
            self.renderer.warn("Nothing to undo: no choice made yet.")
            return False
        result = replay(self.engine, self.history[:-1], self.seed)
        self.history, self.recent, self.error = list(result.applied), list(result.lines), None
        self.tracker.refresh()
        self.dirty = True
        self.renderer.info("↶ Stepped back one choice.")
        self.renderer.console.print()
        self.replay_recent()
        self.autosave()
        return True

    def restart(self, ask: Ask) -> bool:
        """Start again, after a yes from the player when there is progress to lose. The autosave is
        not touched until the next choice, and `/undo` at the start brings the old place back."""
        if self.history and self.autosaving:
            question = (f"Start again from the beginning? Your autosave ({len(self.history)} "
                        f"choice{'s' if len(self.history) != 1 else ''}) is replaced at your next choice; "
                        "/undo before then brings it back. [y/N] ")
            if ask(question).strip().lower() not in ("y", "yes"):
                self.renderer.info("Not restarted; you are where you were.")
                return False
        if self.history:
            self._before_restart.append((list(self.history), self.seed))
        self.seed = self.fixed_seed if self.fixed_seed is not None else new_seed()
        self.dirty = bool(self.history)
        self.renderer.info("Starting again from the beginning.")
        self.renderer.console.print()
        self.renderer.title()
        self.start()
        return True

    def list_saves(self) -> None:
        slots = self.store.slots()
        why = f" ({self.saves_why})" if self.saves_why else ""
        if not slots:
            self.renderer.info(f"No saves yet in {self.store.folder}{why}.")
            return
        self.renderer.info(f"Saves in {self.store.folder}{why}:")
        from rich.table import Table
        from rich.text import Text

        from dreamphases.textsafe import printable

        table = Table(box=None, header_style="bold", pad_edge=False)
        for column in ("Slot", "Saved (UTC)", "Where", "Stats"):
            table.add_column(column)
        labels = {spec.var: spec.label for spec in self.meta.stats}
        for info in slots:
            if info.save is None:
                table.add_row(info.slot, "", "", Text(f"[unreadable: {printable(info.problem)}]"))
                continue
            stats = ", ".join(
                f"{labels.get(name, name)} {format_number(value)}" for name, value in info.save.stats.items()
            )
            table.add_row(info.slot, f"{info.save.saved_at:%Y-%m-%d %H:%M}",
                          Text(printable(info.save.knot) or "—"), Text(printable(stats)))
        self.renderer.console.print(table)
