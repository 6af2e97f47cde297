Hello, world.
Runs  of   spaces   inside   a line   become one.
// expect: Hello, world.
// expect: Runs of spaces inside a line become one.
