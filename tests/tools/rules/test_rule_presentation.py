"""L013 speaker-named-twice and L014 speaker-on-narration: what the player's speaker label adds."""

from __future__ import annotations


def test_a_tagged_line_that_attributes_itself_is_reported(ink_codes):
    assert "L013" in ink_codes("""
        "Come in," Milo says. # speaker: Milo
        -> END
        """)


def test_an_attribution_after_the_verb_and_an_adverb_is_reported(ink_codes):
    found = ink_codes("""
        "Come in," says Milo. # speaker: Milo
        "Sit," Milo, quietly, adds. # speaker: Milo
        -> END
        """)
    assert found.count("L013") == 2


def test_speech_with_only_the_label_is_not_reported(ink_codes):
    found = ink_codes("""
        "Come in. Milo's kitchen is warm," he says. # speaker: Milo
        "Come in." # speaker: Milo
        -> END
        """)
    assert "L013" not in found and "L014" not in found


def test_someone_else_named_in_the_text_is_not_the_speaker(ink_codes):
    assert "L013" not in ink_codes("""
        "Ask Zara," Milo says to you. # speaker: Lyra
        -> END
        """)


def test_the_rule_reads_choice_lines_and_ignores_comments(ink_codes):
    found = ink_codes("""
        * ["Go," Milo says.] # speaker: Milo
          -> END
        // "Stay," Milo says. # speaker: Milo
        """)
    assert found.count("L013") == 1


def test_narration_with_a_speaker_tag_is_reported_in_a_story_that_quotes_speech(ink_codes):
    found = ink_codes("""
        "One." # speaker: Milo
        "Two." # speaker: Milo
        He looks out of the window. # speaker: Milo
        -> END
        """)
    assert found.count("L014") == 1


def test_a_story_whose_speech_is_never_quoted_is_left_alone(ink_codes):
    assert "L014" not in ink_codes("""
        Come in. # speaker: Milo
        Sit down, then. # speaker: Milo
        -> END
        """)


def test_a_silenced_line_is_not_reported(ink_codes):
    assert "L013" not in ink_codes("""
        "Come in," Milo says. # speaker: Milo // check: ignore L013
        -> END
        """)
