"""The writer-tools documentation names every lint rule with its current doc line."""

from __future__ import annotations

from pathlib import Path

import pytest

from dreamphases.tools.rules import RULES

DOC = Path(__file__).resolve().parents[2] / "docs" / "writer-tools.md"


@pytest.mark.skipif(not DOC.is_file(), reason="docs/writer-tools.md is not in this checkout")
@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_is_in_the_docs_table(rule):
    text = DOC.read_text(encoding="utf-8")
    assert f"| {rule.code} | {rule.name} |" in text
    assert rule.doc in text  # the --list-rules output shown there is current
