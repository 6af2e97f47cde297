// The quiet ending needs `calm <= 0` when the concert is over. Calm starts at 2, and a cutting answer
// in the talk before lowers it (offered only while it is above 0, so it cannot go lower); then every
// song of eight raises it, unless the listener sits still through it (one answer in three). So the
// states closest to the ending (calm 0) are all in the talk, and a walk from one of them keeps calm
// at 0 through the concert once in 6,561: no state along the concert is closer than the talk's, and
// random walks find it about once in 16,000. Walks that learn which answers the calmest walks gave
// sit still more often, batch after batch, until the quiet ending is common.
VAR calm = 2
-> talk(1)
== talk(n)
{ n > 4:
    -> song(1)
}
+ {calm > 0} [Say something cutting]
  ~ calm--
+ [Nod]
+ [Look away]
- -> talk(n + 1)
== song(n)
{ n > 8:
    -> hall
}
+ [Hum along to song {n}]
  ~ calm++
+ [Clap after song {n}]
  ~ calm++
+ [Sit still through song {n}]
- -> song(n + 1)
== hall
{ calm <= 0:
    The hall is quiet. # ending: quiet
    -> END
}
The hall applauds. # ending: loud
-> END
