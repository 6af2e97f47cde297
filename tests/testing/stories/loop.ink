-> hub

=== hub ===
The clock ticks.
{ hub > 2: You have waited a long time. }
+ [Wait] -> hub
+ [Look around]
    Nothing has changed.
    -> hub
+ [Leave] -> outside

=== outside ===
Fresh air. # ending: outside
-> END
