// A function's output captured into a string keeps its line break, and the story branches on it.
-> start

=== start ===
~ temp said = "{two_lines()}"
Start.
* [{two_lines()}] -> judge(said)
* [Leave] Gone. # ending: left
  -> END

=== judge(said) ===
{said == "First.Second.":
    Glued. # ending: glued
- else:
    Apart. # ending: apart
}
-> END

=== function two_lines ===
First.
Second.
