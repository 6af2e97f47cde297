-> roll(1)
== roll(RANDOM) // expect error: E011
Rolled. -> END
