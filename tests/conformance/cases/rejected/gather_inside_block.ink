VAR n = 1
{ n > 0:
  -- Gathered? // expect error: E035
}
-> END
