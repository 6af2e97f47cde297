"""L011 long-passage: many words read without a choice."""

from __future__ import annotations


def test_a_run_of_diverts_longer_than_the_limit_is_reported(builder):
    g = (builder().knot("a", line=2, words=300).knot("b", words=250).knot("c", words=100)
         .edge("", "a").edge("a", "b").edge("b", "c").edge("c", "END"))
    assert g.messages("L011", max_words=600) == ["a reader can read about 650 words from here without "
                                                 "a choice ((start) → a → b → c); the limit is 600"]


def test_a_choice_breaks_the_run(builder):
    g = (builder().knot("a", words=300).knot("b", words=250).knot("c", words=100)
         .edge("", "a").edge("a", "b").choice("b", "on", targets=("c",)).edge("c", "END"))
    assert g.lint("L011", max_words=600) == []


def test_the_limit_is_configurable(builder):
    g = builder().knot("a", words=120).edge("", "a")
    assert g.lint("L011", max_words=100) == ["L011"]
    assert g.lint("L011", max_words=200) == []


def test_a_loop_of_diverts_does_not_hang_the_rule(builder):
    g = builder().knot("a", words=400).knot("b", words=400).edge("", "a").edge("a", "b").edge("b", "a")
    assert g.lint("L011", max_words=600) == ["L011"]


def test_a_stretch_entered_from_two_places_is_reported_once(builder):
    g = (builder().knot("hub").knot("long", words=900).knot("x").knot("y")
         .edge("", "hub").choice("hub", "x", targets=("x",)).choice("hub", "y", targets=("y",))
         .edge("x", "long").edge("y", "long"))
    assert g.lint("L011") == ["L011"]


def test_long_passage_in_ink(ink_codes, tmp_path):
    from dreamphases.tools.lint import LintOptions

    words = " ".join(["word"] * 40)
    story = f"{words}\n{words}\n-> next\n=== next ===\n{words}\n* [On] -> END\n"
    assert "L011" in ink_codes(story, LintOptions(max_words=100))
    assert "L011" not in ink_codes(story, LintOptions(max_words=200))


def test_a_scene_with_long_choice_bodies_counts_only_the_words_before_its_first_choice(builder):
    g = builder().knot("hall", line=1, words=804, words_before_choice=4).edge("", "hall")
    g.choice("hall", "Left", line=4, words=400).choice("hall", "Right", line=5, words=400)
    assert g.run("hall") == (4, ["hall"])
    assert g.lint("L011", max_words=600) == []


def test_a_run_starts_with_the_words_the_choice_prints(builder):
    g = builder().knot("hall", words_before_choice=4).knot("yard", words=300).edge("", "hall")
    g.choice("hall", "Out", line=4, words=350, targets=("yard",))
    assert g.run("#0") == (650, ["#0", "yard"])
    assert g.messages("L011", max_words=600) == [
        "a reader can read about 650 words from here without a choice (“Out” → yard); the limit is 600"]


def test_a_tunnel_that_only_returns_is_read_in_place(builder):
    g = (builder().knot("a", words=300).knot("aside", words=200, returns=True).knot("b", words=200)
         .edge("", "a").edge("a", "aside", "tunnel").edge("a", "b"))
    assert g.run("") == (700, ["", "a", "b"])


def test_long_choice_bodies_in_ink(ink_codes):
    from dreamphases.tools.lint import LintOptions

    words = " ".join(["word"] * 60)
    story = f"A short way in.\n* [Left] {words}\n  {words}\n  -> END\n* [Right] {words}\n  -> END\n"
    assert "L011" not in ink_codes(story, LintOptions(max_words=130))
    assert "L011" in ink_codes(story, LintOptions(max_words=100))


def test_a_run_ends_at_the_next_set_after_the_gather(ink_codes):
    from dreamphases.tools.lint import LintOptions

    words = " ".join(["word"] * 60)
    story = (f"Start.\n* [A] {words}\n* [B] {words}\n- {words}\n* [C] {words}\n* [D] {words}\n"
             f"- {words}\n-> END\n")
    # each option, its gather and nothing more: 120 words, never the 240 of two sets in a row
    assert "L011" not in ink_codes(story, LintOptions(max_words=130))
    assert "L011" in ink_codes(story, LintOptions(max_words=110))


def test_an_option_with_nested_options_ends_its_run_at_them(ink_codes):
    from dreamphases.tools.lint import LintOptions

    words = " ".join(["word"] * 60)
    story = f"Start.\n* [A] {words}\n  * * [Deeper] {words}\n    -> END\n  * * [Out] -> END\n"
    assert "L011" not in ink_codes(story, LintOptions(max_words=100))
