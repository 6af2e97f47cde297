// Two conditionals: one whose branches both happen, one whose `else` nothing can reach.
VAR lamp = false
-> porch

=== porch ===
* [Light the lamp]
    ~ lamp = true
* [Leave it dark]
-
{lamp: The porch glows.|The porch is dark.}
{
- lamp or not lamp: You go in.
- else: This line can never be read.
}
Inside. # ending: inside
-> END
