"""EXTERNAL functions: the player's host functions, and the ink fallback everywhere else."""

from __future__ import annotations

import time

from dreamphases.compiler import compile_source
from dreamphases.runtime.engine import Engine

STORY = """EXTERNAL HOUR()
EXTERNAL PLATFORM()
It is {HOUR()} o'clock on the {PLATFORM()}.
-> END
=== function HOUR() ===
~ return 99
=== function PLATFORM() ===
~ return "page"
"""


def _first_line(engine: Engine) -> str:
    return engine.next_line().text


def _compiled() -> str:
    result = compile_source(STORY)
    assert result.json_text is not None
    return result.json_text


def test_without_host_functions_the_ink_fallback_runs() -> None:
    assert _first_line(Engine(_compiled())) == "It is 99 o'clock on the page.\n"


def test_host_functions_answer_from_the_clock() -> None:
    before = time.localtime().tm_hour
    text = _first_line(Engine(_compiled(), host_functions=True))
    after = time.localtime().tm_hour
    assert text in {f"It is {before} o'clock on the terminal.\n", f"It is {after} o'clock on the terminal.\n"}


def test_an_external_call_compiles_to_an_external_call_not_to_its_fallback() -> None:
    assert '"x()":"HOUR"' in _compiled()
