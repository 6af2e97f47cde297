// Every way a state can be observed, for the exhaustive search's merging (tests/testing/test_state_merging.py).
// `mood` is only set to constants and compared with one: 5 and 7 are one class. `score` is only raised
// and compared with 3: every score past 3 is one class, the others exact. `shown` is printed: exact.
// `unread` is never read: dropped. The hub's own count is compared with 3, the garden's only tested
// for truth, the turns since the garden read.
VAR mood = 0
VAR score = 0
VAR shown = 0
VAR unread = 0
-> hub
=== hub ===
{hub > 3: The hub is familiar now.}
{TURNS_SINCE(-> garden) == 1: You just came from the garden.}
{~Wind.|Rain.|Sun.}
+ [Mood five]
  ~ mood = 5
  ~ unread++
  -> hub
+ [Mood seven]
  ~ mood = 7
  -> hub
+ [Score]
  ~ score += 2
  -> hub
* [Garden] -> garden
+ {mood >= 5} [Leave] -> leave
=== garden ===
~ shown = shown + 1
Garden visit {shown}.
+ [Back] -> hub
=== leave ===
{score > 3: A high score.|A low score.}
{garden: You saw the garden.}
You leave. # ending: left
-> END
