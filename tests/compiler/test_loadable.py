"""`json_depth` is what decides E021, so it must agree with the nesting a JSON parser sees."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from dreamphases.compiler.loadable import json_depth

# strings full of the characters that could fool a bracket counter
_tricky_text = st.text(alphabet='[]{}"\\^ab \n', max_size=8)
_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | _tricky_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_tricky_text, inner, max_size=4),
    max_leaves=40,
)


def _reference_depth(value: Any) -> int:
    if isinstance(value, list):
        return 1 + max((_reference_depth(v) for v in value), default=0)
    if isinstance(value, dict):
        return 1 + max((_reference_depth(v) for v in value.values()), default=0)
    return 0


@given(_json_values)
def test_json_depth_matches_the_parsed_nesting(value: Any) -> None:
    assert json_depth(json.dumps(value)) == _reference_depth(value)


def test_brackets_inside_strings_do_not_count() -> None:
    assert json_depth('{"k":"]]][[[{{"}') == 1
    assert json_depth('["a\\\\",[["\\"]"]]]') == 3
