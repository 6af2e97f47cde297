"""What the guided search watches: the classes of values that count as news."""

from __future__ import annotations

from dreamphases.compiler import compile_source
from dreamphases.runtime.engine import Engine
from dreamphases.testing.story_facts import bucket

LISTS = """\
LIST kept = ring, key, map
VAR pockets = (key, ring)
VAR other = (ring, key)
Done.
-> END
"""


def test_an_ink_list_is_classed_by_the_names_of_its_items() -> None:
    # a runtime list object's own text carries its address: classed by it, every read of a list would be
    # news, and the search would differ from one process and run to the next
    json_text = compile_source(LISTS).json_text
    assert json_text is not None
    engine = Engine(json_text)
    first, second = engine.get_variable("pockets"), engine.get_variable("other")
    assert first is not second
    assert bucket(first, None) == bucket(second, None) == "{kept.key,kept.ring}"
