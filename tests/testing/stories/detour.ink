// Diverts, calls and READ_COUNT through variables, for the exhaustive search's merging
// (tests/testing/test_state_merging.py): a divert through a variable can only go where the story
// takes an address (`-> garden` stored in `back`), so what is reachable is still known.
VAR back = -> hall
VAR n = 0
VAR noted = 0
VAR mood = 0
-> hall
=== hall ===
{n > 1: Busy.}
{READ_COUNT(back) > 2: Often.}
{mood >= 5: Humming.}
+ [Hum]
  ~ mood = 5
  -> back
+ [Sing]
  ~ mood = 7
  -> back
+ [Garden]
  ~ back = -> garden
  -> go(back)
+ [Note]
  ~ noted = 1
  -> shed
+ [Stay] -> back
=== garden ===
~ n = n + 1
* [Out] The end. # ending: out
  -> END
+ [Back] -> hall
=== shed ===
{noted: A note.}
+ [Leave] -> hall
=== go(-> target) ===
-> target
