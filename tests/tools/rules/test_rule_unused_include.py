"""L010 unused-include: an INCLUDEd file nothing uses."""

from __future__ import annotations


def test_an_include_whose_knots_are_unreachable_is_reported(builder):
    g = builder().knot("extra", file="extra.ink")
    g.graph.includes.append(("story.ink", "extra.ink", 1))
    assert g.messages("L010") == ["the included file `extra.ink` adds nothing the story reaches or uses"]


def test_an_include_with_a_reachable_knot_is_used(builder):
    g = builder().knot("extra", file="extra.ink").edge("", "extra")
    g.graph.includes.append(("story.ink", "extra.ink", 1))
    assert g.lint("L010") == []


def test_an_include_declaring_a_variable_the_story_reads_is_used(builder):
    g = builder()
    g.graph.variables["mood"] = __import__("dreamphases.compiler.graph", fromlist=["VarDecl"]).VarDecl(
        "mood", "var", "vars.ink", 1, "0")
    g.use("mood", "read")
    g.graph.includes.append(("story.ink", "vars.ink", 1))
    assert g.lint("L010") == []


def test_an_index_file_that_includes_used_files_is_used(builder):
    g = builder().knot("act1", file="act1.ink").edge("", "act1")
    g.graph.includes += [("story.ink", "acts.ink", 1), ("acts.ink", "act1.ink", 1)]
    assert g.lint("L010") == []


def test_unused_include_in_ink(ink_codes):
    found = ink_codes(
        """
        INCLUDE extra.ink
        Hello. -> END
        """,
        extra__ink="""
        === extra ===
        Never seen. -> END
        """,
    )
    assert "L010" in found


def test_used_include_in_ink(ink_codes):
    found = ink_codes(
        """
        INCLUDE extra.ink
        Hello. -> extra
        """,
        extra__ink="""
        === extra ===
        Seen. -> END
        """,
    )
    assert "L010" not in found
