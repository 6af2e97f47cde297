"""Save files: the pydantic `SaveFile` model, slots on disk, atomic writes, and migration by replay.

A save is one JSON file per slot, `<saves>/<story-id>/<slot>.json`, so a person can find, copy and
back one up, and two stories never overwrite each other's autosave. Files are written atomically
(`fileio.write_atomic`): a crash at any moment leaves the previous save whole. Reading never writes:
a damaged, foreign or newer file is reported as a `SaveError` with a message for the player.

When the story was edited after a save, the runtime state may no longer fit it. `restore` tries the
state first and checks that the choices it lands on are the ones the player saw; if not, `replay`
plays the recorded choice history on the new story, matching choices by their text, up to the first
choice that no longer exists.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from dreamphases.fileio import describe, read_limited, write_atomic
from dreamphases.runtime.engine import Engine, Line, StoryRuntimeError
from dreamphases.seed import SEED_MAX, SEED_MIN

__all__ = [
    "AUTOSAVE",
    "SAVE_FORMAT",
    "SAVE_VERSION",
    "ChoiceRecord",
    "ReplayResult",
    "SaveError",
    "SaveFile",
    "SaveStore",
    "ShownLine",
    "SlotInfo",
    "replay",
    "restore_state",
]

SAVE_FORMAT = "dreamphases-save"
#: The one place the format version lives. Bump it when a field changes meaning; older files stay
#: readable, newer files are refused with a message instead of being misread.
SAVE_VERSION = 1
AUTOSAVE = "autosave"
STALE_TEMP_SECONDS = 120
#: No save comes near this (the bundled story's are ~30 KiB); a bigger file is not a save.
MAX_SAVE_BYTES = 32 * 1024 * 1024

_SLOT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$")


class SaveError(Exception):
    """A save that cannot be used; the message is written for the player.

    `missing` is True only when there is no file at all: every other problem means a file is there
    that must not be overwritten unasked.
    """

    def __init__(self, message: str, *, missing: bool = False) -> None:
        super().__init__(message)
        self.missing = missing


class ChoiceRecord(BaseModel):
    """One choice the player made: its index then and its text (what replay matches on)."""

    model_config = ConfigDict(frozen=True)
    index: int = Field(ge=0)
    text: str


class ShownLine(BaseModel):
    """A line of story text as shown, so loading can re-show the scene the player left."""

    text: str
    tags: list[str] = Field(default_factory=list)


class SaveFile(BaseModel):
    model_config = ConfigDict(extra="ignore")

    format: Literal["dreamphases-save"] = "dreamphases-save"
    version: int = Field(default=SAVE_VERSION, strict=True, ge=1)
    story_id: str = Field(min_length=1)
    story_hash: str = Field(pattern=r"^[0-9a-f]{64}$")
    state: str = Field(min_length=2, description="the ink runtime state, as bink's save_state() JSON")
    seed: int = Field(strict=True, ge=SEED_MIN, le=SEED_MAX)
    choices: list[ChoiceRecord] = Field(default_factory=list)
    stats: dict[str, float] = Field(default_factory=dict)
    knot: str = ""
    saved_at: datetime
    recent: list[ShownLine] = Field(default_factory=list)
    pending_choices: list[str] = Field(default_factory=list)

    @field_validator("saved_at")
    @classmethod
    def _utc(cls, value: datetime) -> datetime:
        """`saved_at` is UTC by definition; a hand-edited time without a zone is read as UTC."""
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value

    @field_validator("state")
    @classmethod
    def _state_is_json(cls, value: str) -> str:
        """A state that is not even a JSON object is damage, not a story edit: say so when reading."""
        try:
            parsed = json.loads(value)
        except (ValueError, RecursionError):
            raise ValueError("not the runtime's state (not valid JSON)") from None
        if not isinstance(parsed, dict):
            raise ValueError("not the runtime's state (not a JSON object)")
        return value


@dataclass(slots=True)
class SlotInfo:
    """What `/saves` lists: a slot's name and either its summary or why it cannot be read."""

    slot: str
    path: Path
    save: SaveFile | None = None
    problem: str = ""


def now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


class SaveStore:
    """The slots of one story under a saves folder."""

    def __init__(self, root: Path, story_id: str) -> None:
        self.root = Path(root)
        self.story_id = story_id
        self.folder = self.root / story_id

    @staticmethod
    def check_slot(slot: str) -> str:
        if not _SLOT.match(slot):
            raise SaveError(
                f"'{slot}' is not a usable slot name: use up to 40 letters, digits, '-' or '_', "
                "starting with a letter or digit"
            )
        return slot

    def path(self, slot: str) -> Path:
        return self.folder / f"{self.check_slot(slot)}.json"

    def write(self, slot: str, save: SaveFile) -> Path:
        """Write `save` to `slot`, atomically. Refuses (SaveError) to replace a file in that slot that
        is not a readable save of this story: another story's save, a newer format or a damaged file
        stays as it is until the player moves it."""
        target = self.path(slot)
        self.check_replaceable(slot)
        try:
            write_atomic(target, save.model_dump_json(indent=2) + "\n")
        except OSError as exc:
            raise SaveError(f"could not write {target}: {describe(exc)}") from exc
        self._sweep(slot)
        return target

    def _sweep(self, slot: str) -> None:
        """Remove temp files a killed save left behind for this slot. Only old ones: a fresh one may
        belong to another player process writing the same slot right now."""
        cutoff = time.time() - STALE_TEMP_SECONDS
        for leftover in self.folder.glob(f".{slot}.json.*.tmp"):
            try:
                if leftover.stat().st_mtime < cutoff:
                    leftover.unlink()
            except OSError:
                pass

    def check_replaceable(self, slot: str) -> None:
        """Raise SaveError if `slot` holds a file that is not a save of this story we can read."""
        try:
            self.read(slot)
        except SaveError as exc:
            if not exc.missing:
                raise SaveError(
                    f"slot '{slot}' holds a file this story cannot use, so it is kept as it is "
                    f"({exc}). Move {self.path(slot)} away, or save to another slot."
                ) from None

    def read(self, slot: str) -> SaveFile:
        """The save in `slot`, validated. Raises `SaveError`; never changes any file."""
        target = self.path(slot)
        return read_save(target, self.story_id, slot)

    def slots(self) -> list[SlotInfo]:
        if not self.folder.is_dir():
            return []
        infos: list[SlotInfo] = []
        for file in sorted(self.folder.glob("*.json")):
            if file.name.startswith(".") or not _SLOT.match(file.stem):
                continue
            try:
                infos.append(SlotInfo(file.stem, file, save=read_save(file, self.story_id, file.stem)))
            except SaveError as exc:
                infos.append(SlotInfo(file.stem, file, problem=str(exc)))
        infos.sort(key=lambda info: info.save.saved_at if info.save else now(), reverse=True)
        return infos


def read_save(target: Path, story_id: str, slot: str) -> SaveFile:
    """Read and validate one save file against the story it should belong to."""
    try:
        raw = read_limited(target, MAX_SAVE_BYTES)
    except (FileNotFoundError, NotADirectoryError):
        if target.is_symlink():
            raise SaveError(f"the save in slot '{slot}' is a link to a file that does not exist ({target})") from None
        raise SaveError(f"there is no save in slot '{slot}' (looked for {target})", missing=True) from None
    except OSError as exc:
        raise SaveError(f"could not read the save in slot '{slot}' ({target}): {describe(exc)}") from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise SaveError(f"the save in slot '{slot}' is damaged: {target} is not UTF-8 text") from None
    except ValueError as exc:
        raise SaveError(f"the save in slot '{slot}' is damaged: {target} is not valid JSON ({exc})") from None
    except RecursionError:
        raise SaveError(f"the save in slot '{slot}' is damaged: {target} is nested too deeply to be a save") from None
    if not isinstance(data, dict) or data.get("format") != SAVE_FORMAT:
        raise SaveError(f"{target} is not a DreamPhases save file")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SaveError(
            f"the save in slot '{slot}' is damaged: version: expected a whole number from 1, not {version!r}"
        )
    if version > SAVE_VERSION:
        raise SaveError(
            f"the save in slot '{slot}' was written by a newer DreamPhases (save format {version}; "
            f"this version reads up to {SAVE_VERSION}). Update DreamPhases to load it."
        )
    try:
        save = SaveFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "(file)"
        raise SaveError(f"the save in slot '{slot}' is damaged: {where}: {first['msg']}") from None
    if save.story_id != story_id:
        raise SaveError(
            f"the save in slot '{slot}' belongs to another story ('{save.story_id}', not '{story_id}')"
        )
    return save


# -- restoring ---------------------------------------------------------------------------------

def restore_state(engine: Engine, save: SaveFile) -> bool:
    """Load the saved runtime state. True if it fits this story; on False the engine is left reset.

    On the story it was saved from, a state always fits. After an edit, bink may reject the state,
    or — worse — accept it: a state carries its choices' texts, so it would offer choices the story
    no longer has. So an edited story's state counts as fitting only if replaying the saved choice
    history on the new story (in a scratch engine) arrives at the very choices the state offers.

    Raises SaveError when the story is the very one saved from and still the state does not load:
    then the file is damaged, and "the story has changed" would be a lie.
    """
    if save.story_hash == engine.hash:
        try:
            engine.load_state(save.state)
            return True
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException:  # StateLoadError, or a panic in the runtime on a mangled state
            engine.reset()
            raise SaveError(
                "the save is damaged: its runtime state does not load, although the story is the one it "
                "was saved from"
            ) from None
    try:
        engine.load_state(save.state)
        scratch = Engine(engine.json_text)
        result = replay(scratch, save.choices, save.seed)
        if result.stopped_at is None and not result.error and scratch.choices() == engine.choices():
            return True
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # StateLoadError, or a panic inside the runtime on a state that no longer fits
        pass
    engine.reset()
    return False


@dataclass(slots=True)
class ReplayResult:
    """How far a choice history got on the current story.

    `stopped_at` is the index (in the history) of the first choice that no longer exists, or None
    when every choice was replayed. `lines` are the lines since the last replayed choice.
    """

    applied: list[ChoiceRecord]
    stopped_at: int | None
    knot: str
    lines: list[Line] = field(default_factory=list)
    error: str = ""


def _drain(engine: Engine, on_line: Callable[[Line], None] | None) -> list[Line]:
    lines: list[Line] = []
    while engine.can_continue():
        line = engine.next_line()
        lines.append(line)
        if on_line is not None:
            on_line(line)
    return lines


def replay(
    engine: Engine, history: list[ChoiceRecord], seed: int, on_line: Callable[[Line], None] | None = None
) -> ReplayResult:
    """Play `history` from the start with `seed`, matching each choice by its text.

    A choice whose text is offered at its old index is taken there; otherwise the first offer
    with the same text. Stops at the first choice not offered at all (or at a runtime error).
    """
    engine.reset()
    engine.set_seed(seed)
    applied: list[ChoiceRecord] = []
    try:
        lines = _drain(engine, on_line)
        for position, record in enumerate(history):
            offered = engine.choices()
            if record.index < len(offered) and offered[record.index] == record.text:
                index = record.index
            elif record.text in offered:
                index = offered.index(record.text)
            else:
                return ReplayResult(applied, position, engine.current_knot(), lines)
            engine.choose(index)
            applied.append(ChoiceRecord(index=index, text=record.text))
            lines = _drain(engine, on_line)
    except StoryRuntimeError as exc:
        return ReplayResult(applied, len(applied), engine.current_knot(), [], error=str(exc))
    return ReplayResult(applied, None, engine.current_knot(), lines)
