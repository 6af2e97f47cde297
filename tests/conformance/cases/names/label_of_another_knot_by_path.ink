-> a
== a ==
- (lab) In a.
-> b
== b
In b {a.lab}.
{a.lab < 2: -> a.lab}
-> DONE
// expect: In a.
// expect: In b 1.
// expect: In a.
// expect: In b 2.
