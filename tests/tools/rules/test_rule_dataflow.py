"""L015 dead-write, L016 initial-value-read, L017 promise-without-consequence, and the liveness API."""

from __future__ import annotations

from dreamphases.analysis import live_variables
from dreamphases.compiler import compile_source

BOND = "# stat: bond_zara, Zara, -10..10, bond\n"


def test_a_flag_set_and_never_read_is_a_dead_write(ink_codes):
    assert "L015" in ink_codes("""
        VAR seen = false
        * [Look]
          ~ seen = true
          You look. -> END
        """)


def test_a_flag_read_in_a_later_condition_is_live(ink_codes):
    assert "L015" not in ink_codes("""
        VAR seen = false
        * [Look]
          ~ seen = true
        * [Wait]
        - {seen: You saw it.} -> END
        """)


def test_a_read_in_printed_text_and_through_a_tunnel_counts(ink_codes):
    assert "L015" not in ink_codes("""
        VAR n = 0
        ~ n = 3
        -> show -> END
        === show ===
        You have {n} coins.
        ->->
        """)


def test_a_change_inside_a_function_is_reported_at_the_call_when_nothing_reads_it(ink_codes):
    found = ink_codes("""
        VAR score = 0
        ~ add(2)
        Done. -> END
        === function add(d) ===
        ~ score = score + d
        """)
    assert "L015" in found


def test_a_chain_of_increments_with_no_read_after_is_dead_but_a_read_in_a_function_counts(ink_codes):
    assert "L015" in ink_codes("""
        VAR score = 0
        ~ score++
        ~ score = score + 2
        -> END
        """)
    assert "L015" not in ink_codes("""
        VAR score = 0
        ~ score++
        {big()} -> END
        === function big() ===
        ~ return score > 1
        """)


def test_a_ref_argument_reads_the_variable(ink_codes):
    assert "L015" not in ink_codes("""
        VAR a = 0
        ~ a = 2
        ~ double(a)
        {a} -> END
        === function double(ref x) ===
        ~ x = x * 2
        """)


def test_a_bond_change_nothing_reads_is_a_promise_without_consequence(check_ink):
    result = check_ink(BOND + """VAR bond_zara = 0
        * [Hug her]
          ~ bond_zara += 2
          She smiles. -> END
        """.replace("        ", ""))
    messages = [d.message for d in result.diagnostics if d.code == "L017"]
    assert messages == ["the player reads “Zara will remember that.” here, but nothing later ever reads "
                        "`bond_zara`: a promise without consequence"]
    assert not [d for d in result.diagnostics if d.code == "L015"]  # one finding, not two


def test_a_bond_read_by_an_ending_keeps_its_promise(ink_codes):
    assert "L017" not in ink_codes(BOND + """VAR bond_zara = 0
* [Hug her]
  ~ bond_zara += 2
* [Leave]
  ~ bond_zara -= 2
- {bond_zara > 0: She waves.} -> END
""")


def test_a_flag_set_only_after_it_is_read_only_sees_its_initial_value(ink_codes):
    found = ink_codes("""
        VAR met = false
        -> first
        === first ===
        {met: "Hello again."}
        -> second
        === second ===
        ~ met = true
        {met: Yes.} -> END
        """)
    assert found.count("L016") == 1


def test_a_read_after_a_loop_that_sets_it_sees_the_change(ink_codes):
    assert "L016" not in ink_codes("""
        VAR met = false
        -> hall
        === hall ===
        {met: "Hello again."}
        * [Meet]
          ~ met = true
          -> hall
        * [Leave] -> END
        """)


def test_live_variables_names_what_a_later_read_observes() -> None:
    graph = compile_source("""VAR a = 0
VAR b = 0
-> one
=== one ===
~ a = 1
~ b = 1
-> two
=== two ===
{a} -> END
""").graph
    assert graph is not None
    assert live_variables(graph, "two") == frozenset({"a"})
    assert live_variables(graph, "one") == frozenset({"a"})


CLAMPED = """
VAR calm = 5
-> room
=== function clamp(v, lo, hi) ===
{
- v < lo:
    ~ return lo
- v > hi:
    ~ return hi
- else:
    ~ return v
}
=== function soothe(d) ===
~ calm = clamp(calm + d, 0, 10)
=== room ===
* [Breathe]
  ~ soothe(3)
* [Panic]
  ~ soothe(-4)
- {calm > 12: You are calmer than calm.}
{calm > 6: You feel better.}
-> END
"""


def test_a_condition_a_clamp_function_rules_out_is_reported(check_ink):
    found = [d.message for d in check_ink(CLAMPED).diagnostics if d.code == "L018"]
    assert found == ["the condition `calm > 12` is always false here: `calm` is 0..10 on every path"]


def test_a_condition_that_can_go_both_ways_is_not_reported(ink_codes):
    assert "L018" not in ink_codes(CLAMPED.replace("{calm > 12: You are calmer than calm.}", ""))


def test_a_constant_step_in_a_loop_is_widened_not_decided(ink_codes):
    assert "L018" not in ink_codes("""
        VAR n = 0
        -> loop
        === loop ===
        ~ n += 2
        {n > 100: Enough. -> END}
        * [Again] -> loop
        * [Stop] -> END
        """)


def test_a_condition_on_a_value_only_its_start_can_give_is_reported(ink_codes):
    assert "L018" in ink_codes("""
        VAR gold = 3
        {gold > 5: Rich.}
        ~ gold = 10
        {gold > 5: Rich now.} -> END
        """)


def test_a_change_in_a_labelled_option_nested_in_another_reaches_the_gather_after_it(ink_codes):
    assert "L015" not in ink_codes("""
        VAR trust = 0
        -> talk
        === talk ===
        * (left) [Leave]
          ** (deal) [Make a deal]
             ~ trust = trust + 1
          ** [Just go]
          -- -> after
        * [Stay] -> after
        === after ===
        {trust > 0: He trusts you.} -> END
        """)


def test_a_change_in_a_tunnel_is_live_when_read_after_it_returns(ink_codes):
    assert "L015" not in ink_codes("""
        VAR seen = false
        -> hall
        === hall ===
        -> look ->
        {seen: You saw it.} -> END
        === look ===
        ~ seen = true
        ->->
        """)


def test_a_change_read_only_by_another_tunnel_call_site_is_dead_here(ink_codes):
    found = ink_codes("""
        VAR seen = false
        -> a
        === a ===
        ~ seen = true
        -> look ->
        Done. -> END
        === look ===
        Nothing here.
        ->->
        """)
    assert found.count("L015") == 1


def test_a_read_in_a_thread_counts(ink_codes):
    assert "L015" not in ink_codes("""
        VAR coins = 0
        ~ coins = 5
        <- purse
        * [Leave] -> END
        === purse ===
        * {coins > 3} [Pay] -> END
        """)
