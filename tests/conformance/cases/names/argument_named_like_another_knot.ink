-> k(1)
== k(j) // expect error: E010
Text -> END
== j
More -> END
