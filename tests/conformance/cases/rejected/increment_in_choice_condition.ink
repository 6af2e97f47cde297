VAR tries = 0
* {tries++} Try again // expect error: E027
  -> END
