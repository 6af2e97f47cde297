Text.
-> END
== function f // expect error: E023
