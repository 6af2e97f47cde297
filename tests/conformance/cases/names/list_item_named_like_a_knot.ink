LIST l = a, b // expect error: E010
Text -> END
== a
More -> END
