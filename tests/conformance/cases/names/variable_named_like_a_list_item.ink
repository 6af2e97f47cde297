LIST l = a, b
VAR a = 1 // expect error: E010
Text -> END
