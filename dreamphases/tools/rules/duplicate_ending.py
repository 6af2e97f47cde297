"""L009: two different places tag the same ending id, so tests and the explorer cannot tell them apart."""

from __future__ import annotations

from collections.abc import Iterator

from dreamphases.compiler.diagnostics import Severity
from dreamphases.tools.lint import Finding, LintContext, Rule


def _places(ctx: LintContext) -> list[tuple[str, str, int]]:
    """(id, file, line) of each tagged ending: the `-> END` edges that carry one, plus any ending the
    graph lists that no edge carries (an ending reached by `-> DONE`, say)."""
    places = {(e.ending, e.file, e.line) for e in ctx.graph.edges if e.ending and e.target == "END"}
    carried = {p[0] for p in places}
    places |= {(e.id, e.file, e.line) for e in ctx.graph.endings if e.id not in carried}
    main = ctx.graph.main_file
    return sorted(places, key=lambda p: (p[1] != main, p[1], p[2]))


def check(ctx: LintContext) -> Iterator[Finding]:
    first: dict[str, tuple[str, int]] = {}
    for ending, file, line in _places(ctx):
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
