"""DreamPhases: a pure-Python ink compiler, a terminal player on bink, and tools for ink stories."""

__version__ = "0.1.0"
