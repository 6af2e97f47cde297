-> k(1, 2)
== k(a, a) // expect error: E010
Text -> END
