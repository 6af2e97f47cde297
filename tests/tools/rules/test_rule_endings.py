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


def test_ending_ids_are_compared_where_their_tags_are(builder):
    g = builder().ending("awake", "", 2).ending("awake", "", 2).ending("awake", "", 5)
    g.edge("", "END", line=3, ending="awake").edge("", "END", line=6, ending="awake")
    assert g.messages("L009") == ["the ending id `awake` is already used at story.ink:2"]


def test_an_end_reached_through_a_conditional_with_tags_in_each_branch_is_tagged(builder):
    g = builder().ending("good", "", 2).ending("bad", "", 3)
    g.edge("", "END", line=4, ending="bad", endings=("good", "bad"))
    assert g.lint("L008", "L009") == []


def test_a_tag_in_another_knot_does_not_tag_this_end(builder):
    # the graph may list an earlier knot's tag on a later END; only tags before it in its own knot count
    g = builder().knot("a", line=1).knot("b", line=5).edge("", "a").edge("a", "b", line=3)
    g.ending("awake", "a", 2).edge("a", "END", line=3, ending="awake", endings=("awake",))
    g.edge("b", "END", line=6, endings=("awake",))
    assert g.messages("L008") == ["this path reaches `-> END` without an `# ending:` tag"]


def test_a_tag_line_is_where_the_duplicate_is_reported_in_ink(check_ink):
    result = check_ink("""
        * [Wake] You wake.
          -> END
        * [Sleep] You sleep. # ending: awake
          -> END
        * [Stir] You stir.
          Then nothing. # ending: awake
          -> END
        """)
    [dup] = [d for d in result.diagnostics if d.code == "L009"]
    assert dup.span.line == 6 and dup.message.endswith("main.ink:3")


def test_endings_chosen_by_a_conditional_in_ink(ink_codes):
    found = ink_codes("""
        VAR good = true
        {good:
            You wake. # ending: awake
        - else: You sleep. # ending: asleep
        }
        -> END
        """)
    assert not {"L008", "L009"} & set(found)


def test_one_end_whose_branches_tag_the_same_id_is_one_ending(builder):
    g = builder().ending("awake", "", 2).ending("awake", "", 4)
    g.edge("", "END", line=5, ending="awake", endings=("awake",))
    assert g.lint("L009") == []


def test_branches_tagging_the_same_ending_in_ink(ink_codes):
    found = ink_codes("""
        VAR good = true
        {good:
            You wake, rested. # ending: awake
        - else:
            You wake, tired. # ending: awake
        }
        -> END
        """)
    assert "L009" not in found
