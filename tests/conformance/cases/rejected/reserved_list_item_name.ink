LIST answers = not, maybe // expect error: E011
-> END
