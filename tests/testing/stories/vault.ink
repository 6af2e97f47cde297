// The vault opens only for a visitor who picked up the key and won the guard over at nearly every
// other turn: random walks almost never get there (about 1 in 7,000), a search that measures how far
// `trust >= 8 and key` is from true does.
VAR trust = 0
VAR key = false
-> turn(1)
== turn(n)
{ n > 10:
    -> gate
}
+ [Flatter the guard]
  ~ trust++
+ [Argue]
  ~ trust--
+ [Wait]
+ {n == 3} [Pick up the key]
  ~ key = true
- -> turn(n + 1)
== gate
{ trust >= 8 and key:
    The vault opens. # ending: vault
    -> END
}
You are turned away. # ending: turned_away
-> END
