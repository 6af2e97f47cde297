"""The licence the package metadata names is the licence shipped."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_license_file_is_the_one_pyproject_names() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    declared = re.search(r'^license = \{ text = "([^"]+)" \}', pyproject, re.MULTILINE).group(1)  # type: ignore[union-attr]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert declared == "MIT"
    assert text.startswith("MIT License") and "WITHOUT WARRANTY OF ANY KIND" in text
