-> k
== k
Text -> END
== function k // expect error: E010
~ return 1
