"""L030: a tag whose key is a near-miss of one DreamPhases reads (`# speker: Milo`, `# endng: awake`).

A misspelt tag is silently ignored by the player and by the ending convention, so the line loses its
speaker, or the story loses an ending, with nothing said. The vocabulary is `dreamphases/tags.py`;
tags with keys far from all of ours are left alone, since a story may carry tags for other engines.
"""

from __future__ import annotations

from collections.abc import Iterator

from dreamphases.compiler.diagnostics import Severity
from dreamphases.tags import near_miss, split_tag
from dreamphases.tools.lint import Finding, LintContext, Rule


def _place(ctx: LintContext, file: str, start: int, tag: str) -> tuple[int, int | None]:
    """The line (and column of the `#`) where `tag` is written, searching from `start`."""
    lines = ctx.sources.lines(file)
    for number in range(max(start, 1), len(lines) + 1):
        text = lines[number - 1]
        at = text.find(tag)
        if at >= 0 and "#" in text[:at]:
            return number, text.rfind("#", 0, at) + 1
    return start, None


def check(ctx: LintContext) -> Iterator[Finding]:
    seen: set[tuple[str, int, str]] = set()
    places = [(ctx.graph.main_file, 1, tag) for tag in ctx.graph.global_tags]
    places += [(node.file, node.line, tag) for node in ctx.graph.nodes.values() for tag in node.tags]
    for file, start, tag in places:
        near = near_miss(tag)
        if near is None:
            continue
        line, col = _place(ctx, file, start, tag.strip())
        if (file, line, tag) in seen:
            continue
        seen.add((file, line, tag))
        key, value = split_tag(tag)
        if value:
            fixed = f"{near}: {value}"
        elif key.startswith(near + " "):  # `# ending awake`: the colon is missing
            fixed = f"{near}: {key[len(near):].strip()}"
        else:
            fixed = near
        yield Finding(f"unknown tag `{key}`: did you mean `{near}`?", file, line, col,
                      hint=f"write `# {fixed}` (the tags DreamPhases reads are listed in docs/writer-tools.md)")


RULE = Rule("L030", "tag-misspelt", Severity.WARNING,
            "A tag whose key is a near-miss of one DreamPhases reads (`# speker:`), so it would be ignored.",
            check, scope="finding")
