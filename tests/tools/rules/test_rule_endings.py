"""L008 ending-untagged and L009 duplicate-ending."""

from __future__ import annotations


def test_an_untagged_end_is_reported_once_the_story_tags_endings(builder):
    g = (builder().knot("a").knot("b").edge("", "a").edge("", "b")
         .edge("a", "END", line=3, ending="awake").ending("awake", "a", 3).edge("b", "END", line=7))
    assert g.messages("L008") == ["this path reaches `-> END` without an `# ending:` tag"]


def test_an_untagged_end_in_unreachable_code_is_left_to_the_unreachable_rule(builder):
    g = builder().knot("a").knot("dead").edge("", "a").edge("a", "END", ending="awake").edge("dead", "END")
    assert g.lint("L008") == []


def test_a_story_without_ending_tags_is_not_nagged(builder):
    g = builder().knot("a").edge("a", "END", line=3)
    assert g.lint("L008") == []


def test_every_end_tagged_is_fine(builder):
    g = (builder().knot("a").knot("b").edge("a", "END", ending="awake").edge("b", "END", ending="lost")
         .ending("awake", "a", 3).ending("lost", "b", 7))
    assert g.lint("L008", "L009") == []


def test_a_reused_ending_id_is_reported_at_the_second_place(builder):
    g = builder().knot("a").knot("b").ending("awake", "a", 3).ending("awake", "b", 9)
    assert g.messages("L009") == ["the ending id `awake` is already used at story.ink:3"]


def test_endings_in_ink(ink_codes):
    found = ink_codes("""
        * [Wake] You wake. # ending: awake
          -> END
        * [Sleep] You sleep. # ending: awake
          -> END
        * [Drift] You drift.
          -> END
        """)
    assert sorted(c for c in found if c in ("L008", "L009")) == ["L008", "L009"]


def test_tagged_endings_in_ink(ink_codes):
    found = ink_codes("""
        * [Wake] You wake. # ending: awake
          -> END
        * [Sleep] You sleep. # ending: asleep
          -> END
        """)
    assert not {"L008", "L009"} & set(found)


def test_ending_ids_are_compared_where_their_ends_are(builder):
    g = builder().edge("", "END", line=2, ending="awake", choice=0)
    g.edge("", "END", line=4, ending="awake", choice=1)
    assert g.messages("L009") == ["the ending id `awake` is already used at story.ink:2"]
