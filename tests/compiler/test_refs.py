"""The graph's `refs`: every resolved name, where it was written and what it means (for editors)."""

from __future__ import annotations

from pathlib import Path

from dreamphases.compiler import compile_path
from dreamphases.compiler.graph import Ref

STORY = """\
VAR x = 1
LIST colours = red, (green)
CONST C = 3
-> start
== start ==
  Hello {x} and {C} {colours} {green} {f(x)}
  ~ temp t = 2
  * (opt) [a {x}] -> start.inner
  * b -> other ->
  - (gat) <- other
  {start.opt: yes} {t}
  -> DONE
= inner
  ~ x++
  -> END
== other ==
  ->->
== function f(a) ==
~ return a
"""


def _refs(tmp_path: Path) -> tuple[list[Ref], list[str]]:
    (tmp_path / "main.ink").write_text(STORY, encoding="utf-8")
    result = compile_path(tmp_path / "main.ink")
    assert result.graph is not None and result.json_text is not None
    return result.graph.refs, STORY.split("\n")


def test_every_ref_points_at_the_name_as_written(tmp_path: Path) -> None:
    refs, lines = _refs(tmp_path)
    assert refs
    for ref in refs:
        line = lines[ref.line - 1]
        assert line[ref.col - 1:ref.col - 1 + len(ref.name)] == ref.name, ref


def test_refs_say_what_each_name_means(tmp_path: Path) -> None:
    refs, _ = _refs(tmp_path)
    seen = {(r.name, r.target, r.kind, r.scope) for r in refs}
    assert ("x", "x", "var", None) in seen
    assert ("C", "C", "const", None) in seen
    assert ("colours", "colours", "list", None) in seen
    assert ("green", "colours.green", "item", None) in seen
    assert ("f", "f", "node", None) in seen
    assert ("start.inner", "start.inner", "node", None) in seen
    assert ("start.opt", "start.opt", "node", None) in seen
    assert ("other", "other", "node", None) in seen
    assert ("t", "t", "temp", "start") in seen
    assert ("a", "a", "temp", "f") in seen


def test_a_divert_inside_a_choice_points_at_its_target(tmp_path: Path) -> None:
    refs, _ = _refs(tmp_path)
    assert [(r.line, r.col) for r in refs if r.name == "start.inner"] == [(8, 22)]
    assert [(r.line, r.col) for r in refs if r.name == "other"][0] == (9, 10)
