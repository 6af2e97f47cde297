// What a state can still observe depends on where in a knot it stands, not only on the knot
// (tests/testing/test_state_merging.py). `mood` is read only in the morning: once the afternoon
// starts, mornings that differ only in it are one state. `luck` is set before a tunnel and read
// after it returns: inside the tunnel, only the return point on the call stack can still read it.
VAR mood = 0
VAR luck = 0
-> day
=== day ===
= morning
{mood > 1: A good morning.}
* [Smile]
  ~ mood = 2
* [Frown]
  ~ mood = 0
- (coin)
* [Find a coin]
  ~ luck = 1
* [Find nothing]
- -> look_around ->
{luck: Lucky today.}
-> afternoon
= afternoon
The mood of the morning no longer matters.
* [Walk] -> evening
* [Run] -> evening
= evening
{morning: You had a morning.}
The end. # ending: end
-> END
=== look_around ===
* [Look up]
* [Look down]
- ->->
