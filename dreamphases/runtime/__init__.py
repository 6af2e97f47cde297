"""The one place that touches the bink runtime (the Rust port of inkle's ink VM)."""

from dreamphases.runtime.engine import Engine, StoryLoadError

__all__ = ["Engine", "StoryLoadError"]
