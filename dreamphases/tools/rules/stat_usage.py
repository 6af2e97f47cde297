"""Shared by L004 and L005: how a stat is used across the story."""

from __future__ import annotations

from dreamphases.tools.lint import LintContext


def reads_and_writes(ctx: LintContext, var: str) -> tuple[int, int]:
    uses = [u for u in ctx.graph.uses if u.name == var]
    reads = sum(1 for u in uses if u.mode == "read")
    writes = sum(1 for u in uses if u.mode == "write")
    reads += sum(1 for e in ctx.graph.edges if var in e.reads)
    reads += sum(1 for c in ctx.graph.choices if var in c.reads)
    return reads, writes
