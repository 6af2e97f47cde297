-> f
== function f
~ return 1
// expect error: E020
