"""The parse cache (editors): a compile that reuses unchanged files' parses is the compile without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from dreamphases.compiler import CompileResult, compile_path
from dreamphases.compiler.parser import ParseCache

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "ink-corpus"  # inkle's corpus, when ../shared is present
STORIES = sorted({*REPO.glob("tests/**/*.ink"), REPO / "story" / "dreamphases.ink", *CORPUS.glob("**/*.ink")})


def _same(a: CompileResult, b: CompileResult) -> None:
    assert a.json_text == b.json_text
    assert a.diagnostics == b.diagnostics
    assert (a.graph is None) == (b.graph is None)
    if a.graph is not None and b.graph is not None:
        assert a.graph.nodes == b.graph.nodes and a.graph.refs == b.graph.refs and a.graph.uses == b.graph.uses


@pytest.mark.parametrize("story", STORIES, ids=lambda p: p.name)
def test_a_compile_from_the_cache_is_the_compile_without_it(story: Path) -> None:
    cache = ParseCache()
    plain = compile_path(story)
    _same(compile_path(story, parse_cache=cache), plain)
    _same(compile_path(story, parse_cache=cache), plain)  # every file from the cache this time


def test_an_edited_file_is_parsed_again_and_the_others_are_not(tmp_path: Path) -> None:
    (tmp_path / "main.ink").write_text("INCLUDE part.ink\n-> part\n", encoding="utf-8")
    (tmp_path / "part.ink").write_text("== part ==\nFirst.\n-> END\n", encoding="utf-8")
    cache = ParseCache()
    compile_path(tmp_path / "main.ink", parse_cache=cache)
    edit = {(tmp_path / "part.ink").resolve(): "== part ==\nSecond.\n-> nowhere\n"}
    cached = compile_path(tmp_path / "main.ink", edit, parse_cache=cache)
    _same(cached, compile_path(tmp_path / "main.ink", edit))
    assert [d.code for d in cached.diagnostics] == ["E012"]


def test_a_file_whose_include_target_appears_is_parsed_again(tmp_path: Path) -> None:
    (tmp_path / "main.ink").write_text("INCLUDE part.ink\n-> part\n", encoding="utf-8")
    cache = ParseCache()
    missing = compile_path(tmp_path / "main.ink", parse_cache=cache)
    assert "E004" in [d.code for d in missing.diagnostics]
    (tmp_path / "part.ink").write_text("== part ==\nHere now.\n-> END\n", encoding="utf-8")
    found = compile_path(tmp_path / "main.ink", parse_cache=cache)
    assert found.json_text is not None and "Here now." in found.json_text


def test_without_emit_the_diagnostics_and_graph_are_the_same(tmp_path: Path) -> None:
    story = REPO / "story" / "dreamphases.ink"
    full, quick = compile_path(story), compile_path(story, emit_json=False)
    assert quick.json_text is None and quick.diagnostics == full.diagnostics
    assert quick.graph is not None and full.graph is not None and quick.graph.refs == full.graph.refs
