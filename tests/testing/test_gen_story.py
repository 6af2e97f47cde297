"""The benchmark story generator: deterministic, as long as asked, every core construct, and valid ink."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from dreamphases.compiler import compile_source

GEN = Path(__file__).resolve().parents[2] / "bench" / "gen_story.py"


@pytest.fixture(scope="module")
def gen() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_story", GEN)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_same_arguments_give_the_same_story(gen: ModuleType) -> None:
    assert gen.generate(1500, 3) == gen.generate(1500, 3)
    assert gen.generate(1500, 3) != gen.generate(1500, 4)


@pytest.mark.parametrize("lines", [300, 2500])
def test_the_story_is_at_least_as_long_as_asked(gen: ModuleType, lines: int) -> None:
    assert gen.generate(lines, 1).count("\n") >= lines


@pytest.mark.parametrize(
    ("construct", "marker"),
    [
        ("knot", "=== k3 ==="), ("stitch", "= opening"), ("nested choice", "* * ["),
        ("nested gather", "- - (inner)"), ("label", "(k0_ask)"), ("conditional", "{ courage > 20:"),
        ("sequence", "{stopping:"), ("cycle", "{cycle:"), ("shuffle", "{~"), ("once-only", "{!"),
        ("variable", "VAR courage"), ("function", "=== function clampv"), ("tunnel", "->->"),
        ("thread", "<- side"), ("divert", "-> finale"), ("sticky choice", "+ ["),
    ],
)
def test_every_core_construct_is_used(gen: ModuleType, construct: str, marker: str) -> None:
    assert marker in gen.generate(1200, 1), construct


def test_the_story_compiles_without_errors(gen: ModuleType) -> None:
    result = compile_source(gen.generate(1200, 2), "generated.ink")
    assert result.json_text is not None, [d.message for d in result.diagnostics if d.is_error]
