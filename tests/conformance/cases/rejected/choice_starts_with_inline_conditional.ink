VAR tired = true
* {tired: Trudge|Walk} home // expect error: E032
  -> END
