# title: Corridor
# stat: steps, Steps, 0..1000
VAR steps = 0
-> room
=== room ===
~ steps++
Door {steps}. The corridor goes on.
+ [Left] -> room
+ [Right] -> room
