// From a knot (or a sibling stitch), a bare name finds a label anywhere in the knot's stitches.
// Diverting to a choice runs its content.
-> k
== k ==
Top.
-> deep
= one
Never.
-> DONE
= two
* (deep) [Pick] Picked {deep}.
  -> DONE
// expect: Top.
// expect: Picked 1.
