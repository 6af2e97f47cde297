-> k
== k
~ temp s = 2 // expect error: E010
Text -> END
= s
More -> END
