"""L005: a declared stat the story changes but never reads.

The player shows it, but nothing in the story (no condition, no printed value) depends on it, so
the reader's choices that move it have no consequence beyond the meter.
"""

from __future__ import annotations

from collections.abc import Iterator

from dreamphases.compiler.diagnostics import Severity
from dreamphases.tools.lint import Finding, LintContext, Rule, plural
from dreamphases.tools.rules.stat_usage import reads_and_writes


def check(ctx: LintContext) -> Iterator[Finding]:
    for var, spec in ctx.stats.items():
        reads, writes = reads_and_writes(ctx, var)
        if writes and not reads:
            yield Finding(
                f"the stat `{var}` ({spec.label}) is changed {plural(writes, 'time')} "
                "but never read: no condition depends on it",
                ctx.graph.main_file, ctx.stat_line(var),
                hint=f"let it matter somewhere (`{{ {var} > …: … }}` or a gated choice), or silence this "
                "with `// check: ignore L005` if the meter alone is the point",
            )


RULE = Rule("L005", "stat-never-read", Severity.WARNING,
            "A declared stat that the story changes but no condition ever reads.", check)
