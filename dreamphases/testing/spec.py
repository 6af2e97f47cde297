"""Playthrough specs: the file format, validated with pydantic, with errors that name the spec's line.

A spec is YAML::

    story: ../story/dreamphases.ink   # relative to the spec file (.ink or compiled .json)
    name: Milo gets listened to       # optional; defaults to the file name
    seed: 7                           # optional; seeds RANDOM and shuffles
    steps:
      - expect: Family night          # substring of the text since the last choice
      - expect: {regex: 'smells of \\w+'}
        has_choice: Listen            # a choice containing this text is offered
        no_choice: Run away           # ... and none containing this one
      - choose: Listen                # a unique substring of a choice's text, or its number (1-based)
      - vars: {bond_milo: 2, lucidity: {min: 40, max: 60}}
        stats: {lucidity: 50}         # like vars, and the name must be a declared `# stat:`
      - tags: ['ending: placeholder'] # tags on lines since the last choice
        end: true                     # the story is over (no more text, no choices)

In one step the checks run first and `choose` last. Successive `expect`s between two choices must
match in order, like reading a transcript. `choices: [..]` checks the exact list offered, `at: knot`
that the story is now in that knot (or `knot.stitch`), `expect_not` that a text is absent.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from dreamphases.fileio import describe, read_limited
from dreamphases.seed import SEED_MAX, SEED_MIN

__all__ = [
    "Regex", "Range", "Step", "Spec", "LoadedSpec", "SpecError", "load_spec", "parse_spec", "dump_spec",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


#: How long one regex search in a spec may take. Python's `re` cannot be interrupted, so a pattern
#: like `^(a+)+$` could hang a test run forever; the `regex` module (in its `re`-compatible V0 mode,
#: so patterns mean what Python's documentation says) takes a timeout instead.
REGEX_SECONDS = 1.0


class Regex(_Strict):
    regex: str

    @field_validator("regex")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            _compile(value)
        except regex.error as exc:
            raise ValueError(f"not a valid regular expression: {exc}") from exc
        return value

    def search(self, text: str, start: int = 0) -> int | None:
        """Where the first match at or after `start` ends, or None. Raises TimeoutError after
        `REGEX_SECONDS`."""
        match = _compile(self.regex).search(text, start, timeout=REGEX_SECONDS)
        return None if match is None else match.end()


@functools.lru_cache(maxsize=256)
def _compile(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern, regex.VERSION0 | regex.MULTILINE)


class Range(_Strict):
    min: float | None = None
    max: float | None = None

    @model_validator(mode="after")
    def _bounded(self) -> Range:
        if self.min is None and self.max is None:
            raise ValueError("a range needs `min`, `max` or both")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"empty range: min {self.min} is above max {self.max}")
        return self


class ChoiceRef(_Strict):
    index: int | None = Field(default=None, ge=1)
    text: str | None = None

    @model_validator(mode="after")
    def _one(self) -> ChoiceRef:
        if (self.index is None) == (self.text is None):
            raise ValueError("give exactly one of `index` (1-based) or `text`")
        return self


Pattern = str | Regex
Value = bool | int | float | str | Range


def _listify(value: Any) -> Any:
    return value if isinstance(value, list) or value is None else [value]


class Step(_Strict):
    expect: list[Pattern] | None = None
    expect_not: list[Pattern] | None = None
    choices: list[str] | None = None
    has_choice: list[str] | None = None
    no_choice: list[str] | None = None
    vars: dict[str, Value] | None = None
    stats: dict[str, Value] | None = None
    tags: list[str] | None = None
    at: str | None = None
    end: bool | None = None
    choose: int | str | ChoiceRef | None = None

    _listify = field_validator("expect", "expect_not", "has_choice", "no_choice", "tags", mode="before")(
        classmethod(lambda cls, v: _listify(v))
    )

    @field_validator("choose")
    @classmethod
    def _one_based(cls, value: int | str | ChoiceRef | None) -> int | str | ChoiceRef | None:
        if isinstance(value, bool):
            raise ValueError("choose a choice by its number (1-based) or by a piece of its text")
        if isinstance(value, int) and value < 1:
            raise ValueError("choice numbers start at 1, as the player shows them")
        return value

    @model_validator(mode="after")
    def _not_empty(self) -> Step:
        if not self.model_fields_set:
            raise ValueError("an empty step; give a check (expect, vars, tags, end...) or `choose`")
        return self


class Spec(_Strict):
    story: str
    name: str | None = None
    seed: int | None = Field(default=None, strict=True, ge=SEED_MIN, le=SEED_MAX)
    steps: list[Step] = Field(min_length=1)


@dataclass(slots=True)
class SpecError(Exception):
    """A spec that cannot be used: where and why."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(slots=True)
class LoadedSpec:
    path: Path
    spec: Spec
    #: the line of each step, and of each key inside it
    step_lines: list[int] = field(default_factory=list)
    key_lines: list[dict[str, int]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.spec.name or self.path.name.split(".")[0]

    @property
    def story_path(self) -> Path:
        return (self.path.parent / self.spec.story).resolve()


def _line_at(node: yaml.Node | None, loc: tuple[int | str, ...]) -> int:
    """The line (1-based) of the YAML node at a pydantic error location, as deep as it resolves."""
    line = node.start_mark.line + 1 if node is not None else 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == part), None)
            if match is None:
                break
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            continue  # pydantic adds union-member names (e.g. `str`) to locations; they have no node
        line = node.start_mark.line + 1
    return line


def _duplicate_key(node: yaml.Node | None) -> tuple[str, int] | None:
    """The first key that appears twice in one mapping, anywhere in the document, with its line."""
    pending = [node]
    while pending:
        current = pending.pop()
        if isinstance(current, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in current.value:
                name = str(key.value)
                if name in seen:
                    return name, key.start_mark.line + 1
                seen.add(name)
                pending.append(value)
        elif isinstance(current, yaml.SequenceNode):
            pending.extend(current.value)
    return None


def parse_spec(text: str, path: Path) -> LoadedSpec:
    """Validate a spec's text. Raises `SpecError` pointing at the offending line."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise SpecError(path, line, f"not valid YAML: {getattr(exc, 'problem', None) or exc}") from exc
    except RecursionError:  # PyYAML composes recursively: `[[[[…` 5,000 deep would overflow
        raise SpecError(path, 1, "not valid YAML for a spec: nested too deeply") from None
    duplicate = _duplicate_key(root)
    if duplicate is not None:
        key, line = duplicate
        raise SpecError(path, line, f"`{key}` appears twice here; YAML would silently keep only the last one")
    if not isinstance(data, dict):
        raise SpecError(path, 1, "a spec is a mapping with `story` and `steps` "
                                 "(see `dreamphases test --help`)")
    try:
        spec = Spec.model_validate(data)
    except ValidationError as exc:
        raise _explain(exc, root, path) from exc
    except RecursionError:
        raise SpecError(path, 1, "not valid YAML for a spec: nested too deeply") from None
    assert isinstance(root, yaml.MappingNode)
    steps_node = next(v for k, v in root.value if k.value == "steps")
    assert isinstance(steps_node, yaml.SequenceNode)
    step_lines = [n.start_mark.line + 1 for n in steps_node.value]
    key_lines = [
        {k.value: k.start_mark.line + 1 for k, _ in n.value} if isinstance(n, yaml.MappingNode) else {}
        for n in steps_node.value
    ]
    return LoadedSpec(path, spec, step_lines, key_lines)


_TYPE_TAG = re.compile(r"^(str|int|float|bool|none|Regex|Range|ChoiceRef|function-.*|list\[.*|dict\[.*)$")


def _explain(exc: ValidationError, root: yaml.Node | None, path: Path) -> SpecError:
    """The most telling of pydantic's errors, with the spec's line and a readable location.

    A union (`expect: text or {regex}`) yields one error per member; the deepest one that is not a
    plain type mismatch is the one the writer meant to fix.
    """

    def real(loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
        return tuple(p for p in loc if isinstance(p, int) or not _TYPE_TAG.match(p))

    def rank(err: Any) -> tuple[int, int]:
        return (len(real(err["loc"])), 0 if err["type"].endswith("_type") else 1)

    best = max(exc.errors(), key=rank)
    loc = real(best["loc"])
    if best["type"] == "extra_forbidden":
        owner = Spec if len(loc) == 1 else Step if len(loc) == 3 else None
        known = f" (known keys: {', '.join(owner.model_fields)})" if owner else ""
        message = f"unknown key `{loc[-1]}`{known}"
        loc = loc[:-1]
    else:
        message = best["msg"].removeprefix("Value error, ")
    where = ".".join(str(p) for p in loc) or "spec"
    return SpecError(path, _line_at(root, tuple(best["loc"])), f"{where}: {message}")


#: A hand-written spec is a few KiB; the explorer's longest are well under 1 MiB.
MAX_SPEC_BYTES = 8 * 1024 * 1024


def load_spec(path: Path) -> LoadedSpec:
    try:
        text = read_limited(Path(path), MAX_SPEC_BYTES).decode("utf-8-sig")
    except OSError as exc:
        raise SpecError(Path(path), 1, f"cannot read the spec: {describe(exc)}") from None
    except UnicodeDecodeError as exc:
        raise SpecError(Path(path), 1, f"cannot read the spec: not UTF-8 text ({exc.reason})") from None
    return parse_spec(text, Path(path))


def dump_spec(story: str, steps: list[dict[str, Any]], *, name: str | None = None,
              seed: int | None = None, comment: str | None = None) -> str:
    """A spec's YAML text (the recorder and the explorer write specs through here)."""
    document: dict[str, Any] = {"story": story}
    if name:
        document["name"] = name
    if seed is not None:
        document["seed"] = seed
    document["steps"] = steps
    Spec.model_validate(document)  # never write a spec we could not read back
    head = "".join(f"# {line}\n" for line in (comment or "").splitlines())
    return head + yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)
