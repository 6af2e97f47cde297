"""Fixtures for the writer tools: story graphs built by hand (fast, independent of the compiler) and
small ink stories compiled by our compiler (the real path a writer takes)."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dreamphases.compiler.expr_build import parse_condition
from dreamphases.compiler.graph import Choice, Edge, Ending, Node, StoryGraph, VarDecl, VarUse
from dreamphases.tools.check import CheckResult, check_path
from dreamphases.tools.lint import LintOptions, SourceCache, run_lint


class GraphBuilder:
    """A terse way to write a StoryGraph in a test: `g.knot("a", line=3).divert("", "a")`."""

    def __init__(self, main: str = "story.ink", source: str = "") -> None:
        self.graph = StoryGraph(main_file=main, files=[main])
        self.graph.nodes[""] = Node("", "root", "", main, 1)
        self.sources = SourceCache({main: source})

    def node(self, id: str, kind: Any = "knot", line: int = 1, parent: str | None = None,
             **kw: Any) -> GraphBuilder:
        if parent is None:
            parent = id.rsplit(".", 1)[0] if "." in id else ""
        kw.setdefault("file", self.graph.main_file)
        kw.setdefault("words_before_choice", kw.get("words", 0))  # as the compiler counts a scene without choices
        self.graph.nodes[id] = Node(id, kind, id.rsplit(".", 1)[-1], line=line, parent=parent, **kw)
        return self

    def knot(self, id: str, line: int = 1, **kw: Any) -> GraphBuilder:
        return self.node(id, "knot", line, **kw)

    def edge(self, source: str, target: str, kind: Any = "divert", line: int = 1, **kw: Any) -> GraphBuilder:
        """Conditions are given as ink text (`"calm > 3"`), every name a global variable."""
        kw.setdefault("file", self.graph.main_file)
        kw["conditions"] = tuple(parse_condition(c) for c in kw.get("conditions", ()))
        self.graph.edges.append(Edge(source, target, kind, line=line, **kw))
        return self

    def choice(self, node: str, text: str, line: int = 1, choice_set: int = 0,
               targets: tuple[str, ...] = (), **kw: Any) -> GraphBuilder:
        kw.setdefault("file", self.graph.main_file)
        kw.setdefault("sticky", False)
        kw.setdefault("fallback", False)
        kw["conditions"] = tuple(parse_condition(c) for c in kw.get("conditions", ()))
        index = len(self.graph.choices)
        self.graph.choices.append(Choice(node, text, line=line, choice_set=choice_set, targets=targets, **kw))
        for target in targets:
            self.edge(node, target, "choice", line, choice=index)
        return self

    def var(self, name: str, initial: str = "0", line: int = 1, kind: Any = "var") -> GraphBuilder:
        value = parse_condition(initial) if kind in ("var", "const") and initial else None
        self.graph.variables[name] = VarDecl(name, kind, self.graph.main_file, line, initial, value=value)
        return self

    def use(self, name: str, mode: Any, node: str = "", line: int = 1, **kw: Any) -> GraphBuilder:
        self.graph.uses.append(VarUse(name, node, self.graph.main_file, line, mode, **kw))
        return self

    def stat(self, tag: str) -> GraphBuilder:
        self.graph.global_tags.append(tag)
        return self

    def ending(self, id: str, node: str, line: int, file: str | None = None) -> GraphBuilder:
        self.graph.endings.append(Ending(id, node, file or self.graph.main_file, line))
        return self

    def lint(self, *codes: str, **options: Any) -> list[str]:
        """Codes found by the rules named in `codes` (all rules if none)."""
        from dreamphases.tools.rules import RULES

        rules = [r for r in RULES if not codes or r.code in codes]
        found = run_lint(self.graph, rules, LintOptions(**options), self.sources)
        return [d.code for d in found]

    def run(self, start: str) -> tuple[int, list[str]]:
        """Words in the longest choice-free run from `start` (a node id, or `#n` after choice n)."""
        from dreamphases.tools.reading import Passages

        return Passages.build(self.graph).longest_run(start)

    def messages(self, code: str, **options: Any) -> list[str]:
        from dreamphases.tools.rules import RULES

        rules = [r for r in RULES if r.code == code]
        return [d.message for d in run_lint(self.graph, rules, LintOptions(**options), self.sources)]


@pytest.fixture
def builder() -> Callable[..., GraphBuilder]:
    return GraphBuilder


@pytest.fixture
def write_story(tmp_path: Path) -> Callable[..., Path]:
    """Write `main.ink` (and any other files given as name=text) into a fresh folder."""

    def write(main: str, **others: str) -> Path:
        for name, text in {"main.ink": main, **{k.replace("__", "."): v for k, v in others.items()}}.items():
            (tmp_path / name).write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return tmp_path / "main.ink"

    return write


@pytest.fixture
def check_ink(write_story: Callable[..., Path]) -> Callable[..., CheckResult]:
    """Compile and lint an ink story with our compiler, the way `dreamphases check` does."""

    def run(main: str, options: LintOptions | None = None, **others: str) -> CheckResult:
        return check_path(write_story(main, **others), options)

    return run


@pytest.fixture
def ink_codes(check_ink: Callable[..., CheckResult]) -> Callable[..., list[str]]:
    """The codes `check` reports on an example story, which must compile without errors."""

    def run(main: str, options: LintOptions | None = None, **others: str) -> list[str]:
        from dreamphases.compiler import render

        result = check_ink(main, options, **others)
        broken = [render(d) for d in result.diagnostics if d.is_error and d.code_id.startswith("E")]
        assert not broken, "the example story does not compile:\n" + "\n".join(broken)
        return [d.code_id for d in result.diagnostics]

    return run


@pytest.fixture
def check_codes(check_ink: Callable[..., CheckResult]) -> Callable[..., list[str]]:
    """The codes `check` reports on a story that may have errors, in the order shown."""

    def run(main: str, options: LintOptions | None = None, **others: str) -> list[str]:
        return [d.code_id for d in check_ink(main, options, **others).diagnostics]

    return run


@pytest.fixture
def night(builder: Callable[..., GraphBuilder]) -> GraphBuilder:
    """A small story graph: a start, a hub with a gated choice, two endings and an unused knot."""
    g = builder(source="# stat: calm, Calm, 0..10\n")
    g.stat("stat: calm, Calm, 0..10").var("calm", "5")
    g.graph.nodes[""].words = g.graph.nodes[""].words_before_choice = 20
    g.knot("bed", line=3, words=100).node("bed.dream", "stitch", line=8, words=50)
    g.knot("wake", line=12, words=30).knot("sleep", line=16, words=200).knot("unused", line=20, words=7)
    g.edge("", "bed", line=1).edge("bed", "bed.dream", "fallthrough", line=7)
    g.choice("bed.dream", 'Say "wake"', line=9, targets=("wake",))
    g.choice("bed.dream", "Sleep on", line=10, targets=("sleep",), conditions=("calm > 3",), reads=("calm",))
    g.edge("wake", "END", line=13, ending="awake").ending("awake", "wake", 13)
    # a conditional END: a reader who does not stop there goes back to bed
    g.edge("sleep", "END", line=17, ending="asleep", conditions=("calm > 8",)).ending("asleep", "sleep", 17)
    g.edge("sleep", "bed", line=18)
    return g
