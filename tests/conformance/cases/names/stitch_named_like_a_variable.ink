VAR s = 1
-> k
== k
= s // expect error: E010
Text -> END
