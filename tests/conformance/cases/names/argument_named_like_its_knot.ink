-> k(1)
== k(k) // expect error: E010
Text -> END
