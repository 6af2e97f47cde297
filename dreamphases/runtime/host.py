"""The host functions the player offers to stories through ink's `EXTERNAL`.

A story declares `EXTERNAL HOUR()` with an ink fallback (`== function HOUR() == ~ return 22`); in
the interactive player the real value comes from here, everywhere else (conformance play, tests,
the explorer) the fallback runs so results stay reproducible. The set is deliberately small and safe:
each function only reads the clock, takes no arguments from the story, and touches nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable

__all__ = ["HOST_FUNCTIONS"]


def _local() -> time.struct_time:
    return time.localtime()


#: name → function returning an ink value (int or str)
HOST_FUNCTIONS: dict[str, Callable[[], int | str]] = {
    "HOUR": lambda: _local().tm_hour,  # 0..23, local time: a dream story can know it is 3 a.m.
    "MINUTE": lambda: _local().tm_min,
    "WEEKDAY": lambda: _local().tm_wday,  # 0 = Monday
    "PLATFORM": lambda: "terminal",
}
