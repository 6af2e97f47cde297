"""Our own conformance cases: `tests/conformance/cases/**/*.ink`, each with its expectations in comments.

The cases run on a fresh clone (no `../shared` needed). Each `.ink` file says what inkle's compiler
does with it, in the style of jlox's test suite:

- `// expect: TEXT` — the next line of output is TEXT, byte for byte (everything after `expect: `;
  `// expect:` alone is a line that is only a newline). Output is `Continue()`'s text, joined and cut
  at each newline.
- `// expect tags: a | b` — the tags of the line just expected.
- `// expect choice: TEXT` — the next choice offered; `// choose: N` takes choice N (1-based), in order.
- `// expect runtime error: TEXT` — the runtime reports an error containing TEXT.
- `// expect error: E012` / `// expect warning: W004` — the compiler reports that code: on the
  comment's own line when the comment follows code, anywhere when it stands alone. A case that
  expects an error must get no other error code, and no JSON.
- `// inkjs: REASON` — inkjs's compiler (a port of inklecate, used by `test_inkjs_agrees`) is known
  to differ on this case, and why.

Adding a case is adding a file. `test_inkjs_agrees` compiles every case with inkjs too (when node and
`../shared` are present) and requires the same verdict and transcript, so the expectations are
inklecate's behaviour, not a record of ours.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from dreamphases.compiler import CompileResult, compile_source
from dreamphases.runtime.engine import Engine, StoryLoadError, StoryRuntimeError

CASES = Path(__file__).with_name("cases")
MAX_STEPS = 500

_DIRECTIVE = re.compile(
    r"//\s?(?P<kind>expect(?: tags| choice| runtime error| error| warning)?|choose|inkjs):(?: ?)(?P<arg>.*)$")


@dataclass(slots=True)
class Case:
    path: Path
    source: str
    transcript: list[str] = field(default_factory=list)
    choices: list[int] = field(default_factory=list)
    #: (code, line or None for anywhere)
    errors: list[tuple[str, int | None]] = field(default_factory=list)
    warnings: list[tuple[str, int | None]] = field(default_factory=list)
    inkjs_differs: str | None = None


def load(path: Path) -> Case:
    source = path.read_text(encoding="utf-8")
    case = Case(path, source)
    for number, line in enumerate(source.split("\n"), 1):
        m = _DIRECTIVE.search(line)
        if m is None:
            continue
        kind, arg = m["kind"], m["arg"]
        where = number if line[: m.start()].strip() else None
        if kind == "expect":
            case.transcript.append(arg)
        elif kind == "expect tags":
            case.transcript.append("# " + arg.strip())
        elif kind == "expect choice":
            case.transcript.append("* " + arg)
        elif kind == "expect runtime error":
            case.transcript.append("! " + arg.strip())
        elif kind == "choose":
            case.choices.append(int(arg))
        elif kind == "expect error":
            case.errors.append((arg.strip(), where))
        elif kind == "expect warning":
            case.warnings.append((arg.strip(), where))
        else:
            case.inkjs_differs = arg.strip()
    return case


def all_cases() -> list[Path]:
    return sorted(CASES.rglob("*.ink"))


def play(json_text: str, choices: list[int], expected: list[str]) -> list[str]:
    """Play with the given choices and describe the run in the directives' own vocabulary."""
    engine = Engine(json_text)
    text: list[str] = []
    out: list[str] = []
    pending = list(choices)
    wants_errors = [e[2:] for e in expected if e.startswith("! ")]

    def flush() -> None:
        joined = "".join(text)
        text.clear()
        if joined:
            out.extend(joined[:-1].split("\n") if joined.endswith("\n") else joined.split("\n"))

    budget = MAX_STEPS  # lines and choices together: a story that loops forever fails, never hangs
    while budget > 0:
        while engine.can_continue() and budget > 0:
            budget -= 1
            try:
                line = engine.next_line()
            except StoryRuntimeError as exc:
                text.append(exc.text)
                flush()
                out.append("! " + next((w for w in wants_errors if w in str(exc)), str(exc)))
                return out
            text.append(line.text)
            if line.tags:
                flush()
                out.append("# " + " | ".join(line.tags))
        flush()
        offered = engine.choices()
        out.extend("* " + c for c in offered)
        if not offered or not pending:
            break
        budget -= 1
        engine.choose(pending.pop(0) - 1)
    return out


def check_compile(case: Case, result: CompileResult) -> None:
    codes = [(d.code, d.span.line) for d in result.diagnostics]
    for code, line in case.errors + case.warnings:
        assert any(c == code and (line is None or line == at) for c, at in codes), \
            f"expected {code}{f' on line {line}' if line else ''}; got {codes}"
    if case.errors:
        wanted = {c for c, _ in case.errors}
        unexpected = [(d.code, d.span.line, d.message) for d in result.diagnostics
                      if d.is_error and d.code not in wanted]
        assert not unexpected, f"unexpected errors: {unexpected}"
        assert result.json_text is None
    else:
        errors = [(d.code, d.span.line, d.message) for d in result.diagnostics if d.is_error]
        assert not errors, f"unexpected errors: {errors}"
        assert result.json_text is not None


def _id(p: Path) -> str:
    return p.relative_to(CASES).with_suffix("").as_posix()


@pytest.mark.parametrize("path", all_cases(), ids=_id)
def test_case(path: Path) -> None:
    case = load(path)
    result = compile_source(case.source, path.name)
    check_compile(case, result)
    if result.json_text is not None and not case.errors:
        assert play(result.json_text, case.choices, case.transcript) == case.transcript


@pytest.fixture(scope="session")
def inkjs_verdicts(inkjs_run: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[Path, tuple[bool, str, Path]]:
    """Every case compiled by inkjs's compiler in one node process: (accepted, errors, JSON path)."""
    from tests.conformance.difffuzz import BATCH_JS, INKJS_MODULES, Worker

    out_dir = tmp_path_factory.mktemp("inkjs-cases")
    worker = Worker(["node", str(BATCH_JS)], dict(os.environ, NODE_PATH=str(INKJS_MODULES)))
    verdicts: dict[Path, tuple[bool, str, Path]] = {}
    try:
        for i, path in enumerate(all_cases()):
            out = out_dir / f"{i}.json"
            reply = worker.ask({"in": str(path), "out": str(out)}, 60.0) or {"ok": False, "errors": ["no reply"]}
            errors = reply.get("errors")
            verdicts[path] = (bool(reply["ok"]), "; ".join(map(str, errors)) if isinstance(errors, list) else "",
                              out)
    finally:
        worker.close()
    return verdicts


@pytest.mark.parametrize("path", all_cases(), ids=_id)
def test_inkjs_agrees(path: Path, inkjs_verdicts: dict[Path, tuple[bool, str, Path]]) -> None:
    """inkjs's compiler is a port of inklecate: the expectations must hold for its JSON too."""
    case = load(path)
    accepted, errors, out = inkjs_verdicts[path]
    try:
        if case.errors:
            assert not accepted, "inkjs accepts this story"
        else:
            assert accepted, f"inkjs rejects this story: {errors[-500:]}"
            try:
                played = play(out.read_text(encoding="utf-8-sig"), case.choices, case.transcript)
            except StoryLoadError as exc:
                pytest.fail(f"bink cannot load inkjs's JSON: {exc}")
            assert played == case.transcript
    except AssertionError:
        if case.inkjs_differs:
            pytest.xfail(case.inkjs_differs)
        raise
