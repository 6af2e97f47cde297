VAR x = 1
~ x +-= 1 // expect error: E003
-> END
