// A bare label name is found in the flows around it only: a label in another knot needs `knot.label`.
-> a
== a ==
- (lab) In a.
-> b
== b
In b.
{lab < 2: -> lab} // expect error: E012
// expect error: E013
-> DONE
