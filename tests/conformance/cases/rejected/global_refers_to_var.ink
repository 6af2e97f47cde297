VAR a = 1
VAR b = a
-> END
// expect error: E018
