{f()}
-> END
== function f
~ return 1
= s
x
// expect error: E020
