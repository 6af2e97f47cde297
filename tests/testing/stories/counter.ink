// Every pass round the hub changes a variable, so no two states are the same: only a budget stops a search.
VAR n = 0
-> hub

=== hub ===
~ n = n + 1
Tick {n}.
+ [Again] -> hub
+ [Stop] -> stop

=== stop ===
Done. # ending: stop
-> END
