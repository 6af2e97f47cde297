"""Which flow a source line belongs to: the innermost knot, stitch or function whose header comes
before it in its file (lines before a file's first knot belong to the story's top level).

Used to keep conclusions away from content that did not compile: a warning that something is
missing means nothing where the parser gave up on a line.
"""

from __future__ import annotations

import bisect

from dreamphases.compiler import ast as A
from dreamphases.compiler.diagnostics import Span

__all__ = ["Regions"]


class Regions:
    __slots__ = ("_root", "_starts", "_flows")

    def __init__(self, story: A.Story) -> None:
        self._root = story.root
        by_file: dict[str, list[tuple[int, int, A.Flow]]] = {}
        order = 0
        for knot in story.root.children:
            for flow in [knot, *knot.children]:
                by_file.setdefault(flow.span.file, []).append((flow.span.line, order, flow))
                order += 1
        self._starts: dict[str, list[int]] = {}
        self._flows: dict[str, list[A.Flow]] = {}
        for file, entries in by_file.items():
            entries.sort(key=lambda e: (e[0], e[1]))
            self._starts[file] = [line for line, _, _ in entries]
            self._flows[file] = [flow for _, _, flow in entries]

    def flow_at(self, span: Span) -> A.Flow:
        starts = self._starts.get(span.file)
        if not starts:
            return self._root
        at = bisect.bisect_right(starts, span.line) - 1
        return self._flows[span.file][at] if at >= 0 else self._root
