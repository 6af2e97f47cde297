CONST c = 3
LIST l = a, b
VAR n = -2
VAR s = "text"
VAR f = 1.5
VAR t = true
VAR k = c
VAR li = a
VAR both = (a, b)
VAR d = -> end_knot
{n} {s} {f} {t} {k} {li} {both}
-> d
== end_knot
End.
-> END
// expect: -2 text 1.5 true 3 a a, b
// expect: End.
