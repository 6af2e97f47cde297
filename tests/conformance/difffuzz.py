"""Differential fuzzing: mutate real ink, compile each mutant with ours and with inkjs, compare.

inkjs's compiler is a line-for-line port of inklecate, so where the two compilers disagree about
whether a mutant is valid ink, or where both accept it but their JSON plays differently on bink, we
have found a place where we are not inklecate. The mutations are the small slips a writer makes:
a line deleted, duplicated or moved; a character inserted, deleted or swapped; a file cut short.

Everything is seeded: mutant `i` of a campaign with seed `s` is the same on every machine. Used by
`test_difffuzz.py` (a bounded number, in CI when node is present) and `bench/difffuzz.py` (a
campaign that prints agreement rates). inkjs's own known compiler bugs are excluded by the rules in
`EXCLUSIONS`, each with its reason.
"""

from __future__ import annotations

import json
import os
import random
import re
import select
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from dreamphases.compiler import compile_source

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
INKJS_RUN = SHARED / "tools" / "inkjs" / "run"
INKJS_MODULES = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "inkjs-reference" / "node_modules"
BATCH_JS = ROOT / "bench" / "inkjs_batch.js"
PLAY_WORKER = Path(__file__).with_name("difffuzz_player.py")

COMPILE_TIMEOUT_S = 20.0
PLAY_TIMEOUT_S = 20.0
MAX_SOURCE_CHARS = 20_000

#: characters a mutation inserts: ink's syntax, whitespace, and a letter
ALPHABET = "{}[]()|:-*+=~<>#/\\\"., \t\n&!?^$_0aZ"


def sources() -> list[tuple[str, str]]:
    """(name, text) of the stories in ../shared that stand alone (no INCLUDE), sorted by name."""
    paths = sorted(SHARED.glob("ink-corpus/**/*.ink")) + sorted(SHARED.glob("ink-proof/ink/*/story.ink"))
    out = []
    for p in paths:
        text = p.read_text(encoding="utf-8-sig", errors="replace")
        if "INCLUDE" in text or not text.strip() or len(text) > MAX_SOURCE_CHARS:
            continue
        out.append((p.relative_to(SHARED).as_posix(), text))
    return out


def available() -> str | None:
    """Why the fuzz cannot run here, or None if it can."""
    if not SHARED.is_dir():
        return "../shared is not present"
    if shutil.which("node") is None or not INKJS_RUN.is_file():
        return "node or ../shared/tools/inkjs is not available"
    if not (INKJS_MODULES / "inkjs").is_dir():
        with tempfile.TemporaryDirectory() as tmp:  # the run script installs inkjs from npm on first use
            probe = Path(tmp) / "probe.ink"
            probe.write_text("Hi.\n", encoding="utf-8")
            try:
                subprocess.run([str(INKJS_RUN), "compile", "-o", str(probe.with_suffix(".json")), str(probe)],
                               capture_output=True, timeout=300)
            except (OSError, subprocess.TimeoutExpired):
                pass
        if not (INKJS_MODULES / "inkjs").is_dir():
            return "inkjs could not be installed from npm"
    return None


# -- mutations ----------------------------------------------------------------------------------

def _lines(text: str) -> list[str]:
    return text.split("\n")


def delete_line(text: str, rng: random.Random) -> str:
    lines = _lines(text)
    del lines[rng.randrange(len(lines))]
    return "\n".join(lines)


def duplicate_line(text: str, rng: random.Random) -> str:
    lines = _lines(text)
    i = rng.randrange(len(lines))
    lines.insert(i, lines[i])
    return "\n".join(lines)


def swap_lines(text: str, rng: random.Random) -> str:
    lines = _lines(text)
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


def insert_char(text: str, rng: random.Random) -> str:
    i = rng.randrange(len(text) + 1)
    return text[:i] + rng.choice(ALPHABET) + text[i:]


def delete_char(text: str, rng: random.Random) -> str:
    i = rng.randrange(len(text))
    return text[:i] + text[i + 1:]


def swap_chars(text: str, rng: random.Random) -> str:
    i = rng.randrange(max(len(text) - 1, 1))
    return text[:i] + text[i + 1:i + 2] + text[i:i + 1] + text[i + 2:]


def truncate(text: str, rng: random.Random) -> str:
    return text[:rng.randrange(len(text))]


MUTATIONS: dict[str, Callable[[str, random.Random], str]] = {
    f.__name__: f for f in (delete_line, duplicate_line, swap_lines, insert_char, delete_char, swap_chars, truncate)
}


@dataclass(frozen=True, slots=True)
class Mutant:
    index: int
    origin: str
    mutations: tuple[str, ...]
    text: str


def mutant(index: int, seed: int, corpus: list[tuple[str, str]]) -> Mutant:
    """Mutant `index` of campaign `seed`: one to three mutations of one story."""
    rng = random.Random(f"{seed}:{index}")
    origin, text = corpus[rng.randrange(len(corpus))]
    applied = []
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        name = rng.choice(sorted(MUTATIONS))
        if text:
            text = MUTATIONS[name](text, rng)
            applied.append(name)
    return Mutant(index, origin, tuple(applied), text)


# -- the two compilers and the player, as long-lived child processes ----------------------------

class Worker:
    """A child process answering one JSON line per JSON request line; restarted after a crash or hang."""

    def __init__(self, cmd: list[str], env: dict[str, str] | None = None) -> None:
        self.cmd, self.env = cmd, env
        self.proc: subprocess.Popen[str] | None = None

    def ask(self, request: dict[str, object], timeout: float) -> dict[str, object] | None:
        if self.proc is None or self.proc.poll() is not None:
            self.proc = subprocess.Popen(self.cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=subprocess.DEVNULL, text=True, env=self.env)
        assert self.proc.stdin is not None and self.proc.stdout is not None
        try:
            self.proc.stdin.write(json.dumps(request) + "\n")
            self.proc.stdin.flush()
        except BrokenPipeError:
            self.close()
            return None
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        line = self.proc.stdout.readline() if ready else ""
        if not line:
            self.close()
            return None
        reply: dict[str, object] = json.loads(line)
        return reply

    def close(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None


@dataclass(slots=True)
class Outcome:
    mutant: Mutant
    ours_ok: bool
    theirs_ok: bool
    ours_errors: list[str] = field(default_factory=list)
    theirs_errors: list[str] = field(default_factory=list)
    same_transcript: bool | None = None  # None: not both accepted
    detail: str = ""
    excluded: str | None = None  # the reason, when an exclusion rule covers this mutant

    @property
    def verdicts_agree(self) -> bool:
        return self.ours_ok == self.theirs_ok


#: inkjs's known compiler bugs: (reason, test on the outcome). An outcome a rule matches is left
#: out of the agreement rates and reported apart, with the reason.
_WHOLE_FLOAT = re.compile(r"(?<![\w.])\d+\.0+(?![\d.])")

_RAN_OUT = "ran out of content"


def _runs_out_only_in_theirs(detail: str) -> bool:
    """The player's detail (`seed …:\nours:\n…\ntheirs:\n…`): inkjs's JSON ran out of content after a
    line that ours printed too, and ours went on without running out."""
    ours, sep, theirs = detail.partition("\ntheirs:\n")
    ours = ours.partition("\nours:\n")[2]
    if not sep or _RAN_OUT not in theirs or _RAN_OUT in ours or "[error]" not in theirs:
        return False
    # the details are the walks' last 600 characters: find inkjs's last line before it ran out in ours
    last = theirs[:theirs.index("[error]")].rstrip("\n").rpartition("\n")[2]
    return bool(last) and last + "\n" in ours


EXCLUSIONS: list[tuple[str, Callable[[Outcome], bool]]] = [
    ("inkjs's compiler writes a float literal such as 3.0 as the integer 3, so its JSON divides as integers "
     "(7 / 3.0 plays 2): our JSON is inklecate's here",
     lambda o: o.same_transcript is False and _WHOLE_FLOAT.search(o.mutant.text) is not None),
    ("bink crashes or hangs on inkjs's JSON too (a runtime defect, e.g. a temp passed by reference to a "
     "knot, ink-proof I131): no transcript to compare",
     lambda o: o.detail == "bink crashed or hung on inkjs's JSON as well"),
    ("inkjs's Weave drops a loose end (splice(indexOf(x), 1) removes the last one when x is absent, where "
     "inklecate's List.Remove does nothing), so its JSON runs out of content where inklecate's flows on to the "
     "next gather; ours does not run out there (case weave/nested_gather_after_a_gather_joins_the_end)",
     lambda o: o.same_transcript is False and _runs_out_only_in_theirs(o.detail)),
    ("inkjs's compiler hung or crashed on this mutant before reporting any error (no verdict to compare)",
     lambda o: not o.theirs_ok and not any(e.startswith("ERROR:") for e in o.theirs_errors)
     and any(e.startswith("exception:") and "Compilation failed" not in e for e in o.theirs_errors)),
]


class Fuzzer:
    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        env = dict(os.environ, NODE_PATH=str(INKJS_MODULES))
        self.inkjs = Worker(["node", str(BATCH_JS)], env)
        self.player = Worker([sys.executable, str(PLAY_WORKER)])

    def close(self) -> None:
        self.inkjs.close()
        self.player.close()

    def run(self, m: Mutant) -> Outcome:
        src = self.workdir / f"m{m.index}.ink"
        src.write_text(m.text, encoding="utf-8")
        ours_json, theirs_json = src.with_suffix(".ours.json"), src.with_suffix(".inkjs.json")
        for p in (ours_json, theirs_json):
            p.unlink(missing_ok=True)
        result = compile_source(m.text, src.name)
        ours_errors = [f"{d.code} {d.span.line}: {d.message}" for d in result.diagnostics if d.is_error]
        if result.json_text is not None:
            ours_json.write_text(result.json_text, encoding="utf-8")
        reply = self.inkjs.ask({"in": str(src), "out": str(theirs_json)}, COMPILE_TIMEOUT_S)
        if reply is None:
            reply = {"ok": False, "errors": ["exception: inkjs hung or crashed"]}
        theirs_ok = bool(reply["ok"])
        errors = reply.get("errors")
        outcome = Outcome(m, result.json_text is not None, theirs_ok, ours_errors,
                          [str(e) for e in errors] if isinstance(errors, list) else [])
        if outcome.ours_ok and theirs_ok:
            played = self.player.ask({"ours": str(ours_json), "theirs": str(theirs_json)}, PLAY_TIMEOUT_S)
            if played is None:
                outcome.same_transcript, outcome.detail = False, "the player crashed or hung"
                alone = self.player.ask({"ours": str(theirs_json), "theirs": str(theirs_json)}, PLAY_TIMEOUT_S)
                if alone is None:
                    outcome.detail = "bink crashed or hung on inkjs's JSON as well"
            else:
                outcome.same_transcript, outcome.detail = bool(played["same"]), str(played["detail"])
        for reason, rule in EXCLUSIONS:
            if rule(outcome):
                outcome.excluded = reason
                break
        for p in (src, ours_json, theirs_json):
            p.unlink(missing_ok=True)
        return outcome


@dataclass(slots=True)
class Summary:
    outcomes: list[Outcome]

    @property
    def counted(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.excluded is None]

    @property
    def verdict_agreement(self) -> float:
        c = self.counted
        return sum(o.verdicts_agree for o in c) / len(c) if c else 1.0

    @property
    def both_accept(self) -> list[Outcome]:
        return [o for o in self.counted if o.same_transcript is not None]

    @property
    def transcript_agreement(self) -> float:
        b = self.both_accept
        return sum(bool(o.same_transcript) for o in b) / len(b) if b else 1.0


def campaign(count: int, seed: int, start: int = 0,
             progress: Callable[[Outcome], None] | None = None,
             make: Callable[[int, int, list[tuple[str, str]]], Mutant] = mutant,
             corpus: list[tuple[str, str]] | None = None) -> Summary:
    """Mutants `start`…`start + count - 1` of campaign `seed`, made by `make` (`mutant` or the
    whitespace fuzz's `ws_mutant`) from `corpus` (`sources()` unless given), each compiled by both
    compilers and played on bink."""
    corpus = sources() if corpus is None else corpus
    outcomes = []
    with tempfile.TemporaryDirectory(prefix="difffuzz") as tmp:
        fuzzer = Fuzzer(Path(tmp))
        try:
            for i in range(start, start + count):
                o = fuzzer.run(make(i, seed, corpus))
                outcomes.append(o)
                if progress is not None:
                    progress(o)
        finally:
            fuzzer.close()
    return Summary(outcomes)
