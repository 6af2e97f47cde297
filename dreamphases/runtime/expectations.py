"""Continuity expectations: what a line assumes the reader has seen, stated in standard ink.

A story declares one `EXTERNAL` function with a do-nothing ink fallback, and calls it just before (or
at the start of) a line that depends on something::

    EXTERNAL expect(condition, what)
    === function expect(condition, what) ===
    ~ return

    ~ expect(act1.plane, "the plane scene in Act 1")     // a knot or label seen: its visit count
    ~ expect(promised and not broke_it, "Lyra's promise")  // any ink condition
    "After the plane," he says. …

Any ink runtime runs the fallback, so the story plays the same everywhere (inklecate and inkjs compile
it unchanged). The explorer and the spec runner bind the function instead: a falsy condition is a
*violation*, reported with the line shown next and, by the explorer, the shortest choice path to it.
This module is the one place that knows the function's name and the wording of a violation.
"""

from __future__ import annotations

from dreamphases.runtime.engine import Engine

__all__ = ["EXPECT", "PREFIX", "Expectations"]

#: the ink function a story declares (EXTERNAL with an ink fallback) to state an expectation
EXPECT = "expect"
#: every violation's message starts with this, so reports can tell them from runtime errors
PREFIX = "continuity: "


class Expectations:
    """Watches one engine's `expect(...)` calls; `broken` holds the failed ones until `take`."""

    __slots__ = ("broken",)

    def __init__(self, engine: Engine) -> None:
        self.broken: list[str] = []
        self.bind(engine)

    def bind(self, engine: Engine) -> None:
        """Bind on `engine` (again after the caller swaps engines). Stories that declare no
        `expect` are unaffected: bink only calls a bound function the story calls."""
        engine.bind_function(EXPECT, self._called)

    def _called(self, _name: str, *args: object) -> None:
        condition = args[0] if args else True
        what = str(args[1]) if len(args) > 1 else "a condition"
        if not condition:
            self.broken.append(what)

    def take(self, shown: str) -> list[str]:
        """The violations since the last call, worded with the line the reader was shown next."""
        if not self.broken:
            return []
        line = " ".join(shown.split())
        if len(line) > 80:
            line = line[:77] + "…"
        found = [f"{PREFIX}“{line}” expects {what}" if line else f"{PREFIX}the story expects {what}"
                 for what in self.broken]
        self.broken.clear()
        return found
