// Once the hall is left, nothing can lead back to it: its once-only choices' counts are dead.
VAR noise = 0
-> hall
== hall
* [Knock]
  ~ noise++
  -> yard
* [Sneak] -> yard
== yard
* [Wait] -> gone
* {noise > 0} [Answer] -> gone
== gone
Gone. # ending: gone
-> END
