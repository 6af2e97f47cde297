// Values that writes only move one way, for the exhaustive search's merging
// (tests/testing/test_state_merging.py). `score` only goes up (`+= 2`) and is compared with 3: every
// score past 3 is one class, the others exact. `fuel` only goes down and is compared with 2: every
// fuel below 2 is one class. `wild` is doubled: exact.
VAR score = 0
VAR fuel = 4
VAR wild = 1
-> hub
=== hub ===
+ [Score]
  ~ score += 2
  -> hub
+ [Burn]
  ~ fuel -= 3
  -> hub
+ [Wild]
  ~ wild = wild * 2
  -> hub
+ [Leave] -> leave
=== leave ===
{score > 3: A high score.|A low score.}
{fuel < 2: Running on empty.}
{wild > 3: Wild.}
You leave. # ending: left
-> END
