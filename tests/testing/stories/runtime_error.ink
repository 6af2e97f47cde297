VAR low = 1
-> start

=== start ===
Roll the dice?
* [Roll fairly]
    You roll {RANDOM(1, 1000000)}. # ending: rolled
    -> END
* [Roll a broken die]
    ~ low = 6
    -> broken

=== broken ===
~ temp result = RANDOM(low, 1)
You roll {result}.
-> END
