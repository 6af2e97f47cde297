// The bottom needs eight "Climb down"s with no slip in between: random walks almost never get there.
VAR depth = 0
-> well
== well
{ depth >= 8:
    You touch the bottom. # ending: bottom
    -> END
}
+ [Climb down]
  ~ depth++
  -> well
+ [Climb up]
  ~ depth = 0
  -> well
+ [Slip]
  ~ depth = 0
  -> well
+ [Rest] -> well
* [Give up] -> gave_up
== gave_up
You climb out. # ending: gave_up
-> END
