"""L003: a set of choices where, for some values of the stats in their declared ranges, every option
is unavailable at once, so the reader is offered nothing and the story stops.

Only sets whose every option is gated by conditions over declared stats (and constants) are
judged; a condition that reads anything else (a flag, a visit count, a function) makes the set
undecidable here and it is skipped rather than guessed. Comparisons against constants can only
change their truth at those constants, so the values tried are each range's ends and every
constant ±1 inside the range: for such conditions that search is exhaustive.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator, Mapping

from dreamphases.compiler.diagnostics import Severity
from dreamphases.compiler.expr_tree import Expr, Unknown, evaluate, numbers
from dreamphases.compiler.graph import Choice
from dreamphases.statspec import StatSpec
from dreamphases.tools.lint import Finding, LintContext, Rule

#: the most value combinations tried per choice set (stories gate on one or two stats at a time)
MAX_COMBINATIONS = 50_000


def _candidates(spec: StatSpec, conditions: list[Expr]) -> list[float]:
    values = {spec.low, spec.high}
    for number in (n for cond in conditions for n in numbers(cond)):
        values |= {float(number) + delta for delta in (-1, 0, 1, -0.5, 0.5)}
    inside = sorted(v for v in values if spec.low <= v <= spec.high)
    whole = all(float(v).is_integer() for v in (spec.low, spec.high))
    # integer ranges hold integer values (ink stats are counters); keep halves only for decimal ranges
    return [int(v) for v in inside if v.is_integer()] if whole else inside


def stuck_values(choices: list[Choice], stats: Mapping[str, StatSpec]) -> dict[str, float] | None:
    """Stat values for which none of `choices` is available, or None if there are none (or unknown)."""
    if any(c.fallback or not c.conditions for c in choices):
        return None
    reads = sorted({r for c in choices for r in c.reads})
    if not reads or any(r not in stats for r in reads):
        return None
    conditions = [cond for c in choices for cond in c.conditions]
    axes = [_candidates(stats[r], conditions) for r in reads]
    total = 1
    for axis in axes:
        total *= len(axis)
    if total > MAX_COMBINATIONS:
        return None
    try:
        for combo in itertools.product(*axes):
            env = dict(zip(reads, combo, strict=True))
            if not any(all(evaluate(cond, env) for cond in c.conditions) for c in choices):
                return env
    except Unknown:
        return None
    return None


def check(ctx: LintContext) -> Iterator[Finding]:
    if not ctx.stats:
        return
    sets: dict[tuple[str, int], list[Choice]] = defaultdict(list)
    for choice in ctx.graph.choices:
        sets[(choice.node, choice.choice_set)].append(choice)
    for choices in sets.values():
        env = stuck_values(choices, ctx.stats)
        if env is None:
            continue
        first = min(choices, key=lambda c: (c.file, c.line))
        values = ", ".join(f"{name} = {value:g}" for name, value in env.items())
        yield Finding(
            f"every option here can be unavailable at once (e.g. with {values}), leaving the reader stuck",
            first.file, first.line,
            hint="add an unconditional option or a fallback choice (`* -> somewhere`)",
        )


RULE = Rule("L003", "stuck-choices", Severity.WARNING,
            "A choice set whose every option can be unavailable at once for the declared stat ranges.",
            check, scope="node")
