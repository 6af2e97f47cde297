"""L011: a stretch of more than N words (default 600, `--max-words`) that a reader reads without a
single choice: at 230 words a minute that is over two and a half minutes of scrolling.

A run starts at the top of the story or after a choice and follows diverts and fall-throughs until
a node that offers choices. The graph counts words per node, so a node with choices counts all
its words (its choices' bodies too): the figure is an upper bound.
"""

from __future__ import annotations

from collections.abc import Iterator

from dreamphases.compiler.diagnostics import Severity
from dreamphases.tools.lint import Finding, LintContext, Rule


def check(ctx: LintContext) -> Iterator[Finding]:
    limit = ctx.options.max_words
    runs = [ctx.index.longest_run(start) for start in ctx.index.run_starts()]
    covered: set[str] = set()
    for words, path in sorted((r for r in runs if r[0] > limit), key=lambda r: -r[0]):
        fresh = sum(ctx.graph.nodes[n].words for n in path if n not in covered)
        if fresh <= limit:
            continue  # mostly a stretch already reported, entered from elsewhere: once is enough
        covered |= set(path)
        start = ctx.graph.nodes[path[0]]
        route = " → ".join(p or "(start)" for p in path)
        yield Finding(
            f"a reader can read about {words} words from here without a choice ({route}); "
            f"the limit is {limit}",
            start.file, start.line,
            hint="break it up with a choice, or raise the limit with `check --max-words`",
        )


RULE = Rule("L011", "long-passage", Severity.WARNING,
            "More than N words (default 600) that a reader reads without a choice.", check)
