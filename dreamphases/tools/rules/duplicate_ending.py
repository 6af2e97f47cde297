"""L009: two different places tag the same ending id, so tests and the explorer cannot tell them apart.

Each `# ending:` tag is in the graph with the line it is written on (`Ending.line`); the finding is
at the second place, pointing back at the first (the main file's places count as first).
"""

from __future__ import annotations

from collections.abc import Iterator

from dreamphases.compiler.diagnostics import Severity
from dreamphases.tools.lint import Finding, LintContext, Rule


def check(ctx: LintContext) -> Iterator[Finding]:
    main = ctx.graph.main_file
    places = sorted({(e.id, e.file, e.line) for e in ctx.graph.endings},
                    key=lambda p: (p[1] != main, p[1], p[2], p[0]))
    first: dict[str, tuple[str, int]] = {}
    for ending, file, line in places:
        seen = first.setdefault(ending, (file, line))
        if seen != (file, line):
            text = ctx.sources.line(file, line) or ""
            at = text.find("ending")
            yield Finding(
                f"the ending id `{ending}` is already used at {ctx.where(*seen)}",
                file, line, at + 1 if at >= 0 else None, hint="give each ending its own id",
            )


RULE = Rule("L009", "duplicate-ending", Severity.WARNING,
            "The same `# ending:` id tagged in two places.", check)
