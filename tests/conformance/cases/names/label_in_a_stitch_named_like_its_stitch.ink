// A label inside a stitch may not take the name of a stitch of its knot (its own included).
-> k.s
== k ==
Hello.
-> DONE
= s
- (s) In s. // expect error: E010
-> DONE
