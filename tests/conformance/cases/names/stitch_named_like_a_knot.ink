-> k
== k
= intro // expect error: E010
Text -> END
== intro
More -> END
