"""L008: a path that reaches `-> END` without an `# ending: id` tag on the way.

Endings are how playthrough tests and the explorer count a story's outcomes, so once a story tags
one ending, every `-> END` should be tagged. A story that tags none is not using the convention and
this rule stays silent. The tags met on the way to each `-> END` are the graph's (`Edge.endings`):
a conditional that picks one of several tagged lines before the END counts as tagged.
"""

from __future__ import annotations

from collections.abc import Iterator

from dreamphases.compiler.diagnostics import Severity
from dreamphases.tools.lint import Finding, LintContext, Rule


def check(ctx: LintContext) -> Iterator[Finding]:
    ends = [e for e in ctx.graph.edges if e.target == "END"]
    if not ctx.graph.endings and not any(e.ending for e in ends):
        return
    reachable = ctx.index.reachable()
    for edge in ends:
        if edge.source in reachable and not ctx.index.ending_ids(edge):  # dead code is L001's
            text = ctx.sources.line(edge.file, edge.line) or ""
            at = text.find("->")
            yield Finding(
                "this path reaches `-> END` without an `# ending:` tag",
                edge.file, edge.line, at + 1 if at >= 0 else None,
                hint="tag the last line of text before it, e.g. `You wake. # ending: awake`",
            )


RULE = Rule("L008", "ending-untagged", Severity.WARNING,
            "A `-> END` reached without an `# ending:` tag (once the story tags any ending).", check, scope="node")
