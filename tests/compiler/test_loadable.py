"""The JSON depth that decides E021 is worked out while the JSON is built (`to_json`), so it must
agree with the nesting a JSON parser sees in the text it wrote."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dreamphases.compiler.emit import emit
from dreamphases.compiler.parser import parse
from dreamphases.compiler.resolve import resolve
from dreamphases.compiler.runtime_tree import Container, Item, Nop, Ref, to_json
from dreamphases.compiler.source import read_sources
from dreamphases.compiler.weave import weave
from tests.shared import CORPUS, INK_PROOF

REPO = Path(__file__).resolve().parents[2]
STORIES = sorted({*REPO.glob("tests/**/*.ink"), REPO / "story" / "dreamphases.ink", *CORPUS.glob("**/*.ink"),
                  *INK_PROOF.glob("*/story.ink")})


def _reference_depth(value: Any) -> int:
    if isinstance(value, list):
        return 1 + max((_reference_depth(v) for v in value), default=0)
    if isinstance(value, dict):
        return 1 + max((_reference_depth(v) for v in value.values()), default=0)
    return 0


# strings full of the characters that could fool a bracket counter
_text = st.text(alphabet='[]{}"\\^ab \n', max_size=6)
_json = st.recursive(st.none() | st.booleans() | st.integers() | _text,
                     lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_text, inner, max_size=3),
                     max_leaves=12)
_names = st.text(alphabet="abc", min_size=1, max_size=3)


@st.composite
def _containers(draw: st.DrawFn, depth: int = 0) -> Container:
    """A runtime tree as the emitter builds them: values, raw JSON objects, refs (to containers in the
    tree, to nops or to nothing, some with extra fields), nested and named children, flags."""
    c = Container(draw(st.none() | _names), flags=draw(st.sampled_from([0, 0, 1, 3])), keep=draw(st.booleans()))
    # the emitter's refs lead to containers that keep a place (named, counted or kept): a container
    # that is flattened away has no path to lead to
    targets: list[Container | Nop | None] = [c, None] if c.name or c.flags or c.keep else [None]
    for _ in range(draw(st.integers(0, 4))):
        choice = draw(st.integers(0, 5 if depth < 5 else 3))
        item: Item
        if choice == 0:
            item = draw(st.none() | st.booleans() | st.integers() | _text)
        elif choice == 1:
            item = draw(st.dictionaries(_text, _json, min_size=1, max_size=3))
        elif choice == 2:
            item = Nop()
            targets.append(item)
        elif choice == 3:
            extra = draw(st.dictionaries(st.sampled_from(["c", "flg", "x"]), _json, max_size=2))
            target = draw(st.sampled_from(targets))
            if isinstance(target, Container):
                # as in the emitter, a container something refers to is kept (never flattened away)
                target.keep = True
            item = Ref(draw(st.sampled_from(["->", "^->", "*"])), target, extra)
        elif choice == 4:
            item = draw(_containers(depth + 1))
            if item.name or item.flags or item.keep:
                targets.append(item)
        else:
            child = draw(_containers(depth + 1))
            child.name = draw(_names)
            c.add_named(child)
            continue
        c.add(item)
    return c


@given(_containers(), st.dictionaries(_names, st.dictionaries(_names, st.integers(), max_size=2), max_size=2))
def test_the_depth_to_json_reports_is_the_depth_of_the_text_it_wrote(
        root: Container, list_defs: dict[str, dict[str, int]]) -> None:
    text, _, depth = to_json(root, list_defs)
    assert depth == _reference_depth(json.loads(text))


@pytest.mark.parametrize("story", STORIES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_emitted_depth_is_the_depth_of_the_emitted_json(story: Path) -> None:
    sources = read_sources(story)
    parsed, diags = parse(sources)
    resolved, _, more = resolve(weave(parsed), {name: f.raw_lines for name, f in sources.files.items()}, diags)
    if any(d.is_error for d in [*sources.diagnostics, *diags, *more]):
        pytest.skip("the story does not compile")
    emitted = emit(resolved)
    assert emitted.json_depth == _reference_depth(json.loads(emitted.json_text))
