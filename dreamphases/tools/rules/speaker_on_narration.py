"""L014: a `# speaker:` tag on a line with no speech in it.

The player puts the speaker's name in front of the line as if they said it (`Milo: Milo looks away.`).
Judged only in stories that quote their dialogue: when most speaker-tagged lines carry quotation marks,
one without any is narration. A story whose convention is unquoted speech after the tag is left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from dreamphases.compiler.diagnostics import Severity
from dreamphases.tools.lint import Finding, LintContext, Rule
from dreamphases.tools.presentation import has_speech, speaker_lines


def check(ctx: LintContext) -> Iterator[Finding]:
    lines = [s for s in speaker_lines(ctx.graph, ctx.sources) if s.text]
    quoted = sum(1 for s in lines if has_speech(s.text))
    if not lines or quoted * 2 <= len(lines):
        return
    for spoken in lines:
        if has_speech(spoken.text):
            continue
        yield Finding(
            f"the line is tagged `speaker: {spoken.speaker}` but has no speech in it: the player shows "
            f"it as said by {spoken.speaker}",
            spoken.file, spoken.line, spoken.tag_col,
            hint="drop the `# speaker:` tag from narration, or quote what is said",
        )


RULE = Rule("L014", "speaker-on-narration", Severity.WARNING,
            "A `# speaker:` tag on narration with no speech in it (in a story that quotes its dialogue).",
            check, scope="finding")
