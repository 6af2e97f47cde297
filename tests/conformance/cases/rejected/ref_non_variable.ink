-> k(1)
== k(ref x)
x -> END
// expect error: E016
