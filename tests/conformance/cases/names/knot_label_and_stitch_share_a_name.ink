// A knot's label may share a name with one of the knot's stitches (inklecate allows it).
// Inside the knot the bare name finds the label; `knot.name` finds the stitch.
-> k
== k ==
Top of k.
- (s) Label s: {s}, stitch s: {k.s}.
{ k.s > 1: -> DONE }
-> k.s
= s
In stitch s.
-> t
= t
In t.
-> s
// expect: Top of k.
// expect: Label s: 1, stitch s: 0.
// expect: In stitch s.
// expect: In t.
// expect: Label s: 2, stitch s: 1.
// expect: In stitch s.
// expect: In t.
// expect: Label s: 3, stitch s: 2.
