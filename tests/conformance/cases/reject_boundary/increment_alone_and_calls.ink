VAR n = 0
~ n++
~ n--
~ n += 2
~ (bump())
~ bump()
{n}
-> END
== function bump
~ n++
// expect: 4
