// Two choices with the same text; only one of them can ever be offered.
VAR lost = false
-> hub
== hub
* {lost} [Leave] -> END_lost
* [Leave] -> gone
== gone
Gone. # ending: gone
-> END
== END_lost
Lost. # ending: lost
-> END
