"""No input crashes the compiler: random text and mutated real stories give JSON or diagnostics.

The compiler turns an internal exception into an E000 diagnostic so a writer never sees a traceback;
here E000 is a failure, because it means the compiler has a bug. Each compile also runs under a time
limit (an alarm, so a hang fails the example instead of the suite) and a memory limit (tracemalloc's
peak), and the total run is bounded by the example counts.
"""

from __future__ import annotations

import signal
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dreamphases.compiler import CompileResult, compile_source
from tests.shared import SHARED

ROOT = Path(__file__).resolve().parents[2]
TIME_LIMIT_S = 5.0
MEMORY_LIMIT = 256 * 1024 * 1024
MAX_STORY_CHARS = 12_000  # longer stories are cut: mutations near the start matter as much

FUZZ = settings(max_examples=200, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _corpus() -> list[str]:
    paths = sorted(SHARED.glob("ink-corpus/**/*.ink")) + sorted(SHARED.glob("ink-proof/ink/*/story.ink"))
    if not paths:
        paths = sorted((ROOT / "story").glob("**/*.ink")) + sorted((ROOT / "tests").glob("**/*.ink"))
    texts = [p.read_text(encoding="utf-8", errors="replace")[:MAX_STORY_CHARS] for p in paths]
    return [t for t in texts if t.strip()]


CORPUS = _corpus()

#: pieces of ink syntax, so random input reaches deep into the parser instead of stopping at line 1
TOKENS = [
    "\n", " ", "\t", "{", "}", "[", "]", "(", ")", "|", ":", "-", "*", "+", "=", "~", "<", ">", "#", "\\",
    '"', "/", ".", ",", "!", "&", "^", "?", "->", "<-", "->->", "<>", "== ", "= ", "* ", "+ ", "- ",
    "~ ", "VAR ", "CONST ", "LIST ", "EXTERNAL ", "temp ", "return", "INCLUDE ", "ref ", "function ",
    "{&", "{!", "{~", "{stopping:", "- else:", "0", "1.5", "-1", "true", "x", "knot", "knot.stitch",
    "(a)", "DONE", "END", "TODO:", "//", "/*", "*/", "and", "not", "mod", "RANDOM(", "TURNS_SINCE(",
    "LIST_COUNT(", "é", "\u200b", "\r\n",
]

token_soup = st.lists(st.sampled_from(TOKENS), max_size=120).map("".join)
random_text = st.text(max_size=600)


@st.composite
def mutated_story(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(CORPUS))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "delete", "duplicate", "swap lines"]))
        if op == "insert":
            text = text[:at] + draw(st.sampled_from(TOKENS)) + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)):]
        elif op == "duplicate":
            start = draw(st.integers(0, len(text)))
            text = text[:at] + text[start:start + draw(st.integers(1, 200))] + text[at:]
        else:
            lines = text.split("\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
    return text


class CompileTimeout(Exception):
    pass


@pytest.fixture(scope="module", autouse=True)
def memory_tracing() -> Iterator[None]:
    tracemalloc.start()
    yield
    tracemalloc.stop()


def _on_alarm(_signum: int, _frame: object) -> None:
    raise CompileTimeout


def compile_guarded(text: str) -> CompileResult:
    """Compile with a wall-clock alarm and a memory ceiling; fail on E000, a hang or a memory blow-up."""
    use_alarm = hasattr(signal, "setitimer")
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, TIME_LIMIT_S)
    tracemalloc.reset_peak()
    before = tracemalloc.get_traced_memory()[0]
    try:
        result = compile_source(text, "fuzz.ink")
    except CompileTimeout:
        pytest.fail(f"compile took longer than {TIME_LIMIT_S}s on {text[:300]!r}")
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    peak = tracemalloc.get_traced_memory()[1] - before
    assert peak < MEMORY_LIMIT, f"compile used {peak // 2**20} MiB on {len(text)} characters"
    crashes = [d for d in result.diagnostics if d.code == "E000"]
    assert not crashes, crashes[0].message
    assert result.json_text is not None or any(d.is_error for d in result.diagnostics), \
        "no JSON and no error to explain why"
    return result


@FUZZ
@given(random_text)
def test_random_text_gives_json_or_diagnostics(text: str) -> None:
    compile_guarded(text)


@FUZZ
@given(token_soup)
def test_random_ink_syntax_gives_json_or_diagnostics(text: str) -> None:
    compile_guarded(text)


@pytest.mark.skipif(not CORPUS, reason="no ink stories to mutate")
@FUZZ
@given(mutated_story())
def test_mutated_real_stories_give_json_or_diagnostics(text: str) -> None:
    compile_guarded(text)


@pytest.mark.skipif(not CORPUS, reason="no ink stories to mutate")
@pytest.mark.parametrize("index", range(min(len(CORPUS), 40)))
def test_unmutated_corpus_stories_never_crash(index: int) -> None:
    compile_guarded(CORPUS[index * max(1, len(CORPUS) // 40) % len(CORPUS)])

