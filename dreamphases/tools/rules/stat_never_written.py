"""L004: a declared stat that nothing in the story changes.

Its meter never moves and every condition on it sees the initial value, so either a `~ stat += …`
is missing or the stat is not one.
"""

from __future__ import annotations

from collections.abc import Iterator

from dreamphases.compiler.diagnostics import Severity
from dreamphases.tools.lint import Finding, LintContext, Rule
from dreamphases.tools.rules.stat_usage import reads_and_writes


def check(ctx: LintContext) -> Iterator[Finding]:
    for var, spec in ctx.stats.items():
        reads, writes = reads_and_writes(ctx, var)
        if writes:
            continue
        detail = "its conditions always see the initial value" if reads else "its meter never moves"
        yield Finding(
            f"the stat `{var}` ({spec.label}) is never changed: {detail}",
            ctx.graph.main_file, ctx.stat_line(var),
            hint=f"change it where the story should move it (`~ {var} += 1`), or drop the `# stat:` tag",
        )


RULE = Rule("L004", "stat-never-written", Severity.WARNING,
            "A declared stat that the story reads (or shows) but never changes.", check)
