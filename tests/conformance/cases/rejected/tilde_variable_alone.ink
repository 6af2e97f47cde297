VAR mood = 1
~ mood // expect error: E029
-> END
