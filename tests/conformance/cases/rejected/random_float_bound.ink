{RANDOM(1, 2.5)} // expect error: E036
-> END
