-> k(1)
== k(a)
~ temp a = 2 // expect error: E010
Text -> END
