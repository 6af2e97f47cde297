"""L011: a stretch of more than N words (default 600, `--max-words`) that a reader reads without a
single choice: at 230 words a minute that is over two and a half minutes of scrolling.

A long passage is the run of words between two choice points on a route of the reading model
(`tools/reading.py`, the one `stats` uses): it starts at the top of the story or just after an
option is taken (with the words that option prints, its gather's opening included) and follows
diverts, fall-throughs and tunnels until the reader is next offered options: that option's nested
options, the next set after its gather, or a scene's first set (of which only its words before the
first choice are read). The counts are the compiler's; conditional text counts in full, so a run with
`{a: … | …}` alternatives is generous.
"""

from __future__ import annotations

from collections.abc import Iterator

from dreamphases.compiler.diagnostics import Severity
from dreamphases.tools.lint import Finding, LintContext, Rule


def check(ctx: LintContext) -> Iterator[Finding]:
    limit = ctx.options.max_words
    passages = ctx.passages
    runs = [passages.longest_run(start) for start in passages.run_starts()]
    covered: set[str] = set()
    for words, path in sorted((r for r in runs if r[0] > limit), key=lambda r: (-r[0], r[1])):
        fresh = sum(passages.arrival[s] for s in path if s not in covered)
        if fresh <= limit:
            continue  # mostly a stretch already reported, entered from elsewhere: once is enough
        covered |= set(path)
        file, line = passages.place(path[0])
        route = " → ".join(passages.label(s) for s in path)
        yield Finding(
            f"a reader can read about {words} words from here without a choice ({route}); "
            f"the limit is {limit}",
            file, line,
            hint="break it up with a choice, or raise the limit with `check --max-words`",
        )


RULE = Rule("L011", "long-passage", Severity.WARNING,
            "More than N words (default 600) that a reader reads without a choice.", check, scope="node")
