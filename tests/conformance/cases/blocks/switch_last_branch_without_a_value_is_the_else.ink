// In a switch, a last branch with no value (and no 'else:') is the else branch.
VAR x = 3
{ x:
- 1: one
- 2: two
- three or more
}
~ x = 1
{ x:
- 1: one
- 2: two
- three or more
}
// expect: three or more
// expect: one
