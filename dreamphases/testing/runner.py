"""Running a playthrough spec against the runtime, step by step.

The runner plays through the `Engine` facade (specs are about what a player sees, so they must see
exactly what the player does). A failing step becomes a `StepFailure` value carrying the spec line,
the transcript so far and the choices on offer; the pytest plugin and `dreamphases test` only render it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from dreamphases.runtime.engine import Engine, Line, StoryLoadError, StoryRuntimeError
from dreamphases.runtime.expectations import PREFIX, Expectations
from dreamphases.statspec import stat_specs
from dreamphases.tags import canonical_tag
from dreamphases.testing.spec import REGEX_SECONDS, ChoiceRef, LoadedSpec, Range, Regex, SpecError, Step
from dreamphases.testing.story import load_story
from dreamphases.textsafe import printable

__all__ = ["StepFailure", "SpecResult", "run_spec", "TRANSCRIPT_TAIL"]

#: How much of the transcript a failure shows (the end is where the trouble is).
TRANSCRIPT_TAIL = 40


@dataclass(slots=True)
class StepFailure:
    path: Path
    line: int
    step: int
    message: str
    transcript: list[str] = field(default_factory=list)
    choices: list[str] = field(default_factory=list)

    def render(self) -> str:
        out = [f"{self.path}:{self.line}: step {self.step}: {self.message}", "", "transcript so far:"]
        shown = self.transcript[-TRANSCRIPT_TAIL:]
        if len(self.transcript) > len(shown):
            out.append(f"    ... ({len(self.transcript) - len(shown)} earlier lines)")
        out += [f"    {line}" for line in shown] or ["    (nothing yet)"]
        out.append("")
        if self.choices:
            out.append("choices now:")
            out += [f"    {n}: {text}" for n, text in enumerate(self.choices, 1)]
        else:
            out.append("no choices now (the story has stopped)")
        return printable("\n".join(out))  # story text and spec values are someone's file


@dataclass(slots=True)
class SpecResult:
    spec: LoadedSpec
    failure: StepFailure | None
    steps_run: int

    @property
    def passed(self) -> bool:
        return self.failure is None


class _Fail(Exception):
    def __init__(self, message: str, key: str | None = None) -> None:
        super().__init__(message)
        self.key = key


class _Playthrough:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.transcript: list[str] = []
        self.window: list[Line] = []
        self.cursor = 0
        self.error: str | None = None
        self.global_tags = engine.global_tags()
        self.stats = {s.var for s in stat_specs(self.global_tags)}
        self.expectations = Expectations(engine)

    def advance(self) -> None:
        self.window, self.cursor = [], 0
        while self.engine.can_continue():
            try:
                line = self.engine.next_line()
            except StoryRuntimeError as exc:
                if exc.text:
                    self._show(Line(exc.text))
                self.error = str(exc)
                self.transcript.append(f"!! {exc}")
                return
            self._show(line)
            broken = self.expectations.take(line.text)
            if broken:
                self.error = broken[0]
                self.transcript.append(f"!! {broken[0]}")
                return

    def _show(self, line: Line) -> None:
        self.window.append(line)
        text = line.text.rstrip("\n")
        shown = line.tags
        if not self.transcript and shown[:len(self.global_tags)] == self.global_tags:
            shown = shown[len(self.global_tags):]  # ink hands the global tags to the first line too
        tags = f"   # {', '.join(shown)}" if shown else ""
        self.transcript.append(f"| {text}{tags}")

    @property
    def text(self) -> str:
        return "".join(line.text for line in self.window)

    # -- checks -----------------------------------------------------------------------------------
    def check(self, step: Step) -> None:
        for pattern in step.expect or []:
            self._expect(pattern)
        for pattern in step.expect_not or []:
            if _find(pattern, self.text, 0) is not None:
                raise _Fail(f"did not expect {_show(pattern)} in the text since the last choice",
                            "expect_not")
        offered = self.engine.choices()
        if step.choices is not None and step.choices != offered:
            raise _Fail(f"expected exactly the choices {step.choices}, got {offered}", "choices")
        for text in step.has_choice or []:
            if not any(text in c for c in offered):
                raise _Fail(f"expected a choice containing {text!r}", "has_choice")
        for text in step.no_choice or []:
            if any(text in c for c in offered):
                raise _Fail(f"expected no choice containing {text!r}", "no_choice")
        for key, table in (("vars", step.vars), ("stats", step.stats)):
            for name, want in (table or {}).items():
                if key == "stats" and name not in self.stats:
                    declared = ", ".join(sorted(self.stats)) or "none"
                    raise _Fail(f"`{name}` is not a declared `# stat:` (declared: {declared})", key)
                self._value(name, want, key)
        if step.tags:
            seen = {canonical_tag(t) for line in self.window for t in line.tags}
            for tag in step.tags:
                if canonical_tag(tag) not in seen:
                    saw = ", ".join(sorted(seen)) or "none"
                    raise _Fail(f"expected the tag `{tag}` since the last choice; saw {saw}", "tags")
        if step.at is not None:
            where = self.engine.current_knot()
            if where != step.at and not where.startswith(step.at + "."):
                raise _Fail(f"expected to be at `{step.at}`, but the story is at `{where or '(top)'}`", "at")
        if step.end is not None:
            over = not self.engine.can_continue() and not offered
            if step.end and not over:
                raise _Fail(f"expected the story to be over, but it offers {len(offered)} choice(s)", "end")
            if not step.end and over:
                raise _Fail("expected the story to go on, but it is over", "end")

    def _expect(self, pattern: str | Regex) -> None:
        text = self.text
        found = _find(pattern, text, self.cursor)
        if found is None:
            earlier = _find(pattern, text, 0) is not None
            why = " (it appears, but before the previous expect's match)" if earlier else ""
            raise _Fail(f"expected {_show(pattern)} in the text since the last choice{why}", "expect")
        self.cursor = found

    def _value(self, name: str, want: object, key: str) -> None:
        try:
            actual = self.engine.get_variable(name)
        except RuntimeError:  # bink raises for an undeclared name
            actual = None
        if actual is None:
            raise _Fail(f"the story has no variable `{name}`", key)
        if isinstance(want, Range):
            if isinstance(actual, bool) or not isinstance(actual, int | float):
                raise _Fail(f"`{name}` is {actual!r}, not a number", key)
            if (want.min is not None and actual < want.min) or (want.max is not None and actual > want.max):
                lo = "" if want.min is None else want.min
                hi = "" if want.max is None else want.max
                raise _Fail(f"expected `{name}` in {lo}..{hi}, but it is {actual!r}", key)
            return
        same = (actual == want if isinstance(want, str | bool) or isinstance(actual, str | bool)
                else math.isclose(float(actual), float(want), rel_tol=1e-6, abs_tol=1e-6))  # type: ignore[arg-type]
        if not same:
            raise _Fail(f"expected `{name}` = {want!r}, but it is {actual!r}", key)

    # -- choosing ---------------------------------------------------------------------------------
    def choose(self, ref: int | str | ChoiceRef) -> None:
        offered = self.engine.choices()
        index = self._resolve(ref, offered)
        self.transcript.append(f"> {offered[index]}")
        self.engine.choose(index)
        self.advance()

    @staticmethod
    def _resolve(ref: int | str | ChoiceRef, offered: list[str]) -> int:
        if isinstance(ref, ChoiceRef):
            ref = ref.index if ref.index is not None else str(ref.text)
        if not offered:
            raise _Fail("cannot choose: the story offers no choices", "choose")
        if isinstance(ref, int):
            if not 1 <= ref <= len(offered):
                raise _Fail(f"there is no choice {ref}; there are {len(offered)}", "choose")
            return ref - 1
        exact = [i for i, text in enumerate(offered) if text == ref]
        matches = exact or [i for i, text in enumerate(offered) if ref in text]
        if not matches:
            raise _Fail(f"no choice contains {ref!r}", "choose")
        if len(matches) > 1:
            names = ", ".join(repr(offered[i]) for i in matches)
            raise _Fail(f"{ref!r} matches {len(matches)} choices ({names}); use more of the text or a number",
                        "choose")
        return matches[0]


def _find(pattern: str | Regex, text: str, start: int) -> int | None:
    """Where the match ends, searching from `start`; None if absent. A regex gets `REGEX_SECONDS`
    (see `Regex.search`): one that backtracks catastrophically fails its step instead of hanging."""
    if isinstance(pattern, Regex):
        try:
            return pattern.search(text, start)
        except TimeoutError:
            raise _Fail(f"the regex {_show(pattern)} took over {REGEX_SECONDS:g} s on the text here and "
                        "was stopped: it backtracks catastrophically (e.g. `(a+)+`); write it without "
                        "nested repetition", "expect") from None
    at = text.find(pattern, start)
    return None if at < 0 else at + len(pattern)


def _show(pattern: str | Regex) -> str:
    return f"/{pattern.regex}/" if isinstance(pattern, Regex) else repr(pattern)


def _problem(error: str) -> str:
    if error.startswith(PREFIX):
        return f"a continuity expectation failed: {error[len(PREFIX):]}"
    return f"the story hit a runtime error: {error}"


def run_spec(loaded: LoadedSpec) -> SpecResult:
    """Play the spec. Raises `SpecError` (or `StoryProblem`) when the spec or story is unusable."""
    story = load_story(loaded.story_path)
    try:
        engine = Engine(story.json_text)
    except StoryLoadError as exc:
        raise SpecError(loaded.path, 1, f"the runtime cannot load {loaded.story_path}: {exc}") from exc
    if loaded.spec.seed is not None:
        engine.set_seed(loaded.spec.seed)
    play = _Playthrough(engine)
    play.advance()
    for number, step in enumerate(loaded.spec.steps, 1):
        lines = loaded.key_lines[number - 1]
        try:
            if play.error is not None:
                raise _Fail(_problem(play.error))
            play.check(step)
            if step.choose is not None:
                play.choose(step.choose)
                if play.error is not None:
                    raise _Fail(_problem(play.error), "choose")
        except _Fail as fail:
            line = lines.get(fail.key or "", loaded.step_lines[number - 1])
            failure = StepFailure(loaded.path, line, number, str(fail), play.transcript,
                                  engine.choices() if play.error is None else [])
            return SpecResult(loaded, failure, number)
    return SpecResult(loaded, None, len(loaded.spec.steps))
