VAR x = RANDOM(1, 2)
-> END
// expect error: E018
