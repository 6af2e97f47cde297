# title: One Night
# stat: calm, Calm, 0..10
# stat: trust, Trust, -5..5, bond
VAR calm = 5
VAR trust = 0

-> bedroom

=== bedroom ===
The clock says 3:14. The house is breathing.
* [Get up] -> hallway
* [Listen] -> voice
* [Stay in bed] You pull the blanket over your head. # ending: hidden
  -> END

=== hallway ===
~ calm -= 2
A long hallway, longer than it should be.
* {calm > 6} [Walk to the end] -> door
* {calm < 3} [Run back] -> bedroom

=== voice ===
~ trust = 9
"Over here," someone says. It sounds like your sister.
* [Follow the voice] -> door
* [Go down to the cellar] -> cellar

=== cellar ===
It is dark down here, and it stays dark.

=== door ===
The door at the end is open a crack.
* [Go through] You wake, for real this time. # ending: awake
  -> END
* [Close it] The house goes quiet. # ending: hidden
  -> END

=== attic ===
Nobody has been up here in years.
-> END
