// A stitch's label may not repeat a label of its knot's own weave.
-> k
== k ==
- (g) Hello.
-> s
= s
- (g) In s. // expect error: E010
-> DONE
