// The vault of vault.ink, with a long corridor between winning the guard over and the gate: nothing
// along it changes what the vault's condition reads, so no state in the corridor is closer to the
// vault than the one at its start. A walk aimed at the vault must play through the whole corridor.
VAR trust = 0
VAR key = false
-> turn(1)
== turn(n)
{ n > 10:
    -> corridor(1)
}
+ [Flatter the guard]
  ~ trust++
+ [Argue]
  ~ trust--
+ [Wait]
+ {n == 3} [Pick up the key]
  ~ key = true
- -> turn(n + 1)
== corridor(n)
{ n > 15:
    -> gate
}
+ [Left]
+ [Right]
- -> corridor(n + 1)
== gate
{ trust >= 8 and key:
    The vault opens. # ending: vault
    -> END
}
You are turned away. # ending: turned_away
-> END
