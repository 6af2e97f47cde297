VAR mood = 1
~ mood + 1 // expect error: E029
-> END
