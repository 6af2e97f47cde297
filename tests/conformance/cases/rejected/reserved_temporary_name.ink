~ temp not = 1 // expect error: E011
-> END
