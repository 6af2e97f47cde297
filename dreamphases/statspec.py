"""The `# stat:` tag grammar — the one place that defines it.

A story declares which of its ink variables the player should *see* with global tags at the top of
its main file::

    # stat: <VAR>, <Label>, <min>..<max>[, <kind>]

* ``VAR``   — the name of an ink ``VAR`` (a global variable) holding a number.
* ``Label`` — what the player reads in the HUD and in change notes ("Milo", "Lucidity").
* ``min..max`` — the range the meter shows (integers or decimals, ``min < max``; may be negative).
* ``kind``  — ``meter`` (default), ``bond`` (a relationship: notes read "Milo will remember that.")
  or ``lucidity`` (how awake the player is: when low, the player's presentation degrades).

Commas separate fields because inkle's compiler reads ``|`` inside a tag as an alternative. A
label may not contain a comma. This module is pure Python (no runtime, no UI) so the compiler,
``check`` and the player share it; problems are values with a stable code and a message that a
diagnostic renderer can show with the tag's position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = [
    "KINDS",
    "StatProblem",
    "StatSpec",
    "is_stat_tag",
    "parse_stat_tag",
    "stat_tag_var",
    "stat_specs",
    "validate_stat_tags",
]

#: The kinds a stat may declare, the first being the default.
KINDS: tuple[str, ...] = ("meter", "bond", "lucidity")

_KEY = re.compile(r"^\s*stat\s*:", re.IGNORECASE)
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"
_RANGE = re.compile(rf"^({_NUMBER})\s*\.\.\s*({_NUMBER})$")
_EXAMPLE = "# stat: lucidity, Lucidity, 0..100, lucidity"


@dataclass(frozen=True, slots=True)
class StatSpec:
    """One declared stat. `low`/`high` are floats so integer and decimal ranges compare alike."""

    var: str
    label: str
    low: float
    high: float
    kind: str = "meter"

    def fraction(self, value: float) -> float:
        """Where `value` sits in the range, clamped to 0..1 (a story may overshoot its own range)."""
        span = self.high - self.low
        return min(1.0, max(0.0, (float(value) - self.low) / span)) if span else 0.0


@dataclass(frozen=True, slots=True)
class StatProblem:
    """Why a `# stat:` tag was rejected. `code` is stable (for diagnostics), `message` is for people."""

    code: str
    message: str
    hint: str = f"the form is `{_EXAMPLE}` (kind: meter, bond or lucidity; default meter)"
    tag: str = ""


def is_stat_tag(tag: str) -> bool:
    """True for any tag that *claims* to be a stat declaration (so malformed ones are reported)."""
    return bool(_KEY.match(tag))


def stat_tag_var(tag: str) -> str | None:
    """The variable a stat tag names (its first field), even when the rest of it is malformed."""
    match = _KEY.match(tag)
    if not match:
        return None
    return tag[match.end():].split(",", 1)[0].strip() or None


def parse_stat_tag(tag: str) -> StatSpec | StatProblem:
    """Parse one tag's text (without the leading `#`). Never raises."""
    match = _KEY.match(tag)
    if not match:
        return StatProblem("stat-not-a-stat", f"not a stat tag: `{tag.strip()}`", tag=tag)
    fields = [part.strip() for part in tag[match.end():].split(",")]
    if len(fields) < 3 or len(fields) > 4:
        return StatProblem(
            "stat-fields",
            "a stat tag has 3 or 4 comma-separated fields (variable, label, range[, kind]); "
            f"found {len(fields)}",
            tag=tag,
        )
    var, label, range_text = fields[0], fields[1], fields[2]
    kind = fields[3].lower() if len(fields) == 4 else KINDS[0]
    if not _NAME.match(var):
        return StatProblem("stat-variable", f"`{var}` is not a variable name", tag=tag)
    if not label:
        return StatProblem("stat-label", f"the stat `{var}` has an empty label", tag=tag)
    bounds = _RANGE.match(range_text.replace(" ", ""))
    if not bounds:
        return StatProblem(
            "stat-range", f"`{range_text}` is not a range like `0..100` or `-10..10`", tag=tag
        )
    low, high = float(bounds.group(1)), float(bounds.group(2))
    if not low < high:
        return StatProblem("stat-range", f"the range `{range_text}` is empty: min must be below max", tag=tag)
    if kind not in KINDS:
        return StatProblem(
            "stat-kind", f"unknown stat kind `{fields[3]}`; use one of: {', '.join(KINDS)}", tag=tag
        )
    return StatSpec(var, label, low, high, kind)


def validate_stat_tags(
    tags: Iterable[str], variables: Mapping[str, object] | None = None
) -> list[StatProblem]:
    """Every problem with a story's stat declarations.

    `tags` are the story's global tags (others are skipped). `variables`, when given, maps the
    story's global variable names to their initial values so a stat naming a missing or
    non-numeric variable is caught before anyone plays.
    """
    problems: list[StatProblem] = []
    seen: dict[str, str] = {}
    lucidity: list[str] = []
    for tag in tags:
        if not is_stat_tag(tag):
            continue
        spec = parse_stat_tag(tag)
        if isinstance(spec, StatProblem):
            problems.append(spec)
            continue
        if spec.var in seen:
            problems.append(
                StatProblem("stat-duplicate", f"the stat `{spec.var}` is declared twice", tag=tag)
            )
            continue
        seen[spec.var] = tag
        if spec.kind == "lucidity":
            lucidity.append(spec.var)
        if variables is not None:
            if spec.var not in variables:
                problems.append(StatProblem(
                    "stat-unknown-variable",
                    f"the stat `{spec.var}` names no global variable; declare it with `VAR {spec.var} = …`",
                    tag=tag,
                ))
            elif isinstance(variables[spec.var], bool) or not isinstance(variables[spec.var], int | float):
                problems.append(StatProblem(
                    "stat-not-a-number",
                    f"the stat `{spec.var}` must hold a number, but its initial value is "
                    f"{variables[spec.var]!r}",
                    tag=tag,
                ))
    if len(lucidity) > 1:
        problems.append(StatProblem(
            "stat-lucidity-twice",
            f"only one stat may be of kind lucidity; found {', '.join(lucidity)}",
            hint="mark the others `meter`",
        ))
    return problems


def stat_specs(tags: Iterable[str]) -> list[StatSpec]:
    """The well-formed stat declarations among `tags`, first declaration winning (the player is lenient)."""
    specs: dict[str, StatSpec] = {}
    for tag in tags:
        if is_stat_tag(tag):
            spec = parse_stat_tag(tag)
            if isinstance(spec, StatSpec) and spec.var not in specs:
                specs[spec.var] = spec
    return list(specs.values())
