# title: Dice
You roll {RANDOM(1, 1000000)}.
* [Again] You roll {RANDOM(1, 1000000)}.
    -> END
