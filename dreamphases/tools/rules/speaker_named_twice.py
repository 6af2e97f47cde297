"""L013: a `# speaker:` tag on a line whose text already names the speaker.

The player prints the tag as a label (`Milo: "…," Milo says.`), so the reader meets the name twice.
Either drop the tag (the prose attributes the line) or the attribution (the label does).
"""

from __future__ import annotations

from collections.abc import Iterator

from dreamphases.compiler.diagnostics import Severity
from dreamphases.tools.lint import Finding, LintContext, Rule
from dreamphases.tools.presentation import names_speaker, speaker_lines


def check(ctx: LintContext) -> Iterator[Finding]:
    for spoken in speaker_lines(ctx.graph, ctx.sources):
        phrase = names_speaker(spoken.text, spoken.speaker)
        if phrase is None:
            continue
        yield Finding(
            f"the line is tagged `speaker: {spoken.speaker}` and its text already names them "
            f"(“{phrase}”): the player shows the name twice",
            spoken.file, spoken.line, spoken.tag_col,
            hint="drop the `# speaker:` tag (the prose says who speaks) or the attribution in the text",
        )


RULE = Rule("L013", "speaker-named-twice", Severity.WARNING,
            "A `# speaker:` tag on a line whose text already names the speaker (“…,” Milo says).", check,
            scope="finding")
