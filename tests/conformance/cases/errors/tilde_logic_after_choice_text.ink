VAR x = 0
* [Go] ~ x = 1 // expect error: E001
  -> END
