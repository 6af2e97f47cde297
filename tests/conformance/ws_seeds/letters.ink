// A seed for the whitespace fuzz: glue, tags, inline logic and choices packed onto few lines.
VAR letters = 0
VAR name = "Ada"
CONST LIMIT = 3
-> desk

=== desk ===
{letters == 0:You sit at the desk.|You are back at the desk.} # mood: quiet
There {letters == 1:is one letter|are {letters} letters} here. <>
{letters > 0: Some are sealed.}
* {letters < LIMIT} [Write a letter] You write to {name}.
    ~ letters += 1
    -> desk
* (burn) {letters > 0} Burn[ them.] the letters, one by one.# action: burn
    ~ letters = 0
    They curl into ash.
* [Read] -> read ->
    -> desk
+ [Leave]
- -> ending

=== read ===
{stopping:
    - The first is from your mother.
    - The second is unsigned.
    - You have read them all.
}
~ temp lines = letters * 2
It runs to {lines} lines{lines > 2:, more than you expected}.
->->

=== ending ===
{desk.burn: The ash settles.|}
"{name}," you whisper<>
. # last
Done{TURNS() > 3:, finally}.
-> END
