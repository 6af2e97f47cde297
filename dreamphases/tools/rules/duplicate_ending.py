"""L009: two different endings share an ending id, so tests and the explorer cannot tell them apart.

An ending is a `-> END` with the `# ending:` tags met on the way to it (`Edge.endings`): a
conditional whose branches each tag the same id before one `-> END` is one ending written two ways,
not a duplicate. A tag that leads to no `-> END` is an ending of its own. The finding is on the
second ending's tag line (`Ending.line`), pointing back at the first (the main file's count first).
"""

from __future__ import annotations

from collections.abc import Iterator

from dreamphases.compiler.diagnostics import Severity
from dreamphases.compiler.graph import Ending
from dreamphases.tools.lint import Finding, LintContext, Rule


def _end_of(ctx: LintContext, ending: Ending) -> tuple[str, int]:
    """The `-> END` this tag closes (file, line), or the tag's own place if none."""
    flow = ctx.index.flow(ending.node)
    ends = [e for e in ctx.graph.edges if e.target == "END" and e.file == ending.file
            and e.line >= ending.line and ctx.index.flow(e.source) == flow
            and ending.id in ctx.index.ending_ids(e)]
    end = min(ends, key=lambda e: e.line, default=None)
    return (end.file, end.line) if end is not None else (ending.file, ending.line)


def check(ctx: LintContext) -> Iterator[Finding]:
    main = ctx.graph.main_file
    tags = sorted({(e.id, e.file, e.line): e for e in ctx.graph.endings}.values(),
                  key=lambda e: (e.file != main, e.file, e.line, e.id))
    first: dict[str, tuple[str, int]] = {}  # ending id -> the END (or lone tag) it first names
    where: dict[tuple[str, int], tuple[str, int]] = {}  # that END -> its first tag's place
    for tag in tags:
        end = _end_of(ctx, tag)
        where.setdefault(end, (tag.file, tag.line))
        seen = first.setdefault(tag.id, end)
        file, line = tag.file, tag.line
        if seen != end:
            text = ctx.sources.line(file, line) or ""
            at = text.find("ending")
            yield Finding(
                f"the ending id `{tag.id}` is already used at {ctx.where(*where[seen])}",
                file, line, at + 1 if at >= 0 else None, hint="give each ending its own id",
            )


RULE = Rule("L009", "duplicate-ending", Severity.WARNING,
            "The same `# ending:` id tagged in two places.", check, scope="finding")
