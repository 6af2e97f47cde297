LIST l = a, b // expect error: E010
LIST m = l, c // expect error: E010
Text -> END
