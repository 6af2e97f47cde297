"""L009: two different places tag the same ending id, so tests and the explorer cannot tell them apart."""

from __future__ import annotations

from collections.abc import Iterator

from dreamphases.compiler.diagnostics import Severity
from dreamphases.tools.lint import Finding, LintContext, Rule


def check(ctx: LintContext) -> Iterator[Finding]:
    first: dict[str, tuple[str, int]] = {}
    for ending in sorted(ctx.graph.endings, key=lambda e: (e.file != ctx.graph.main_file, e.file, e.line)):
        place = (ending.file, ending.line)
        seen = first.setdefault(ending.id, place)
        if seen != place:
            yield Finding(
                f"the ending id `{ending.id}` is already used at {seen[0]}:{seen[1]}",
                ending.file, ending.line, hint="give each ending its own id",
            )


RULE = Rule("L009", "duplicate-ending", Severity.WARNING,
            "The same `# ending:` id tagged in two places.", check)
