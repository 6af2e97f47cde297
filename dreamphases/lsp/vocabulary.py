"""The tag names editors offer after `#`: the one import point for the player's tag vocabulary.

The runtime is gathering the tag vocabulary into a single module; until it lands, the names the
player (`dreamphases.player.tags`), the stat grammar and the ending convention understand are
listed here, and this is the only place the language server reads them from. Switch this module
over to that one when it exists; nothing else in `dreamphases.lsp` needs to change.
"""

from __future__ import annotations

__all__ = ["TAGS"]

#: tag name → what it does (shown beside the completion)
TAGS: dict[str, str] = {
    "speaker": "who says this line: `# speaker: Milo`",
    "scene": "the scene title the player shows: `# scene: Milo's kitchen`",
    "glitch": "distort this line (strength 1-5): `# glitch: 2`",
    "nightmare": "show this line in the nightmare style",
    "pause": "wait for a key before going on",
    "ending": "this `-> END` is the named ending: `# ending: reconciled`",
    "title": "(global) the story's title",
    "author": "(global) the story's author",
    "stat": "(global) a variable the HUD shows: `# stat: VAR, Label, min..max[, meter|bond|lucidity]`",
}
