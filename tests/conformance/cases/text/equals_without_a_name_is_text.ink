// A single '=' starts a stitch only when a name follows it; otherwise the line is text.
Before.
=
= 42
After.
// expect: Before.
// expect: =
// expect: = 42
// expect: After.
