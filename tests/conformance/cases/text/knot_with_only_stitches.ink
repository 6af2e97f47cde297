-> k
== k
= s
In the stitch.
-> END
// expect: In the stitch.
