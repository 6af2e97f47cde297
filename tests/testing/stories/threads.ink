// Choices gathered from threads (`<-`), for the exhaustive search's merging
// (tests/testing/test_state_merging.py): a choice offered by a thread carries the thread's call stack,
// and what it leads to may read what the room before it set.
VAR map = 0
VAR coat = 0
-> room
=== room ===
{room > 2: The room again.}
<- map_corner
<- coat_hook
+ [Leave] -> hall
=== map_corner ===
* [Read the map]
  ~ map = 1
  -> room
+ {map} [Fold the map]
  ~ map = 2
  -> room
=== coat_hook ===
+ [Take the coat]
  ~ coat = 1
  -> room
=== hall ===
{map == 2: The folded map in your pocket.}
{coat: Warm in the coat.|Cold.}
* [Out] The end. # ending: out
  -> END
