"""What a line's tags ask of the presentation, and what the story's global tags configure.

Tags are `key` or `key: value` (the vocabulary is `dreamphases/tags.py`). The player understands its
part of it and ignores the rest, so a story written for another engine (or tags meant for tools) never
leaks raw tag text to the reader.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dreamphases.statspec import StatSpec, is_stat_tag, stat_specs
from dreamphases.tags import split_tag

__all__ = ["LineStyle", "StoryMeta", "line_style", "story_meta", "split_tag"]

#: Strongest `# glitch: N` honoured; larger values are clamped so a typo cannot erase a line.
MAX_GLITCH = 5


@dataclass(slots=True)
class LineStyle:
    speaker: str | None = None
    glitch: int = 0
    nightmare: bool = False
    scene: str | None = None
    pause: bool = False


def line_style(tags: list[str]) -> LineStyle:
    style = LineStyle()
    for tag in tags:
        key, value = split_tag(tag)
        if key == "speaker" and value:
            style.speaker = value
        elif key == "glitch":
            try:
                level = int(value) if value else 1
            except ValueError:
                level = 1
            style.glitch = max(0, min(MAX_GLITCH, level))
        elif key == "nightmare":
            style.nightmare = True
        elif key == "scene":
            style.scene = value
        elif key == "pause":
            style.pause = True
    return style


@dataclass(slots=True)
class StoryMeta:
    title: str | None = None
    author: str | None = None
    stats: list[StatSpec] = field(default_factory=list)


def story_meta(global_tags: list[str]) -> StoryMeta:
    meta = StoryMeta(stats=stat_specs(global_tags))
    for tag in global_tags:
        if is_stat_tag(tag):
            continue
        key, value = split_tag(tag)
        if key == "title" and value:
            meta.title = value
        elif key == "author" and value:
            meta.author = value
    return meta
