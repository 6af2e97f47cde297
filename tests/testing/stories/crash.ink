VAR zero = 0
-> start

=== start ===
Divide the loot?
* [Share it] You share it. # ending: shared
    -> END
* [Divide by nobody]
    You get {10 / zero} coins.
    -> END
