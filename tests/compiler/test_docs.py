"""docs/diagnostics.md documents the registry exactly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dreamphases.compiler.diagnostics import CODES, codes_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "diagnostics.md"


@pytest.fixture(scope="module")
def doc() -> str:
    return DOC.read_text(encoding="utf-8")


def test_the_documented_table_is_the_registry(doc: str) -> None:
    match = re.search(r"<!-- registry:begin -->\n(.*)<!-- registry:end -->", doc, re.S)
    assert match, "docs/diagnostics.md lost its registry markers"
    assert match.group(1) == codes_markdown()


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_is_documented(code: str, doc: str) -> None:
    assert f"| {code} | {CODES[code].name} |" in doc


def test_code_names_are_unique() -> None:
    names = [c.name for c in CODES.values()]
    assert len(names) == len(set(names))


def test_every_diagnostic_the_compiler_source_emits_is_registered() -> None:
    package = Path(__file__).resolve().parents[2] / "dreamphases" / "compiler"
    used = set()
    for path in package.glob("*.py"):
        if path.name != "diagnostics.py":
            used |= set(re.findall(r'"([EW]\d{3})"', path.read_text(encoding="utf-8")))
    assert used and used <= set(CODES), used - set(CODES)
