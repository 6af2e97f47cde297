// inklecate files the top level's temporaries with the globals: a knot reached by a divert reads one.
~ temp x = 1
-> knot
== knot
x is {x}.
-> DONE
// expect: x is 1.
