"""L030 tag-misspelt: a near-miss of a tag DreamPhases reads, with what was meant."""

from __future__ import annotations


def test_a_misspelt_line_tag_is_reported_with_the_key_meant(check_ink):
    result = check_ink("""
        "Come in." # speker: Milo
        -> END
        """)
    [found] = [d for d in result.diagnostics if d.code == "L030"]
    assert "did you mean `speaker`" in found.message and found.span.line == 1
    assert found.hint is not None and "# speaker: Milo" in found.hint


def test_an_ending_without_its_colon_is_reported(ink_codes):
    assert "L030" in ink_codes("""
        You wake. # ending awake
        -> END
        """)


def test_a_misspelt_global_tag_is_reported(ink_codes):
    assert "L030" in ink_codes("""
        # titel: Night
        Hello.
        -> END
        """)


def test_known_tags_in_any_case_and_foreign_tags_are_left_alone(ink_codes):
    assert "L030" not in ink_codes("""
        # title: Night
        "Hi." # Speaker : Milo
        Rain. # audio: rain.ogg
        Dark. # CLEAR
        You wake. # Ending: awake
        -> END
        """)
