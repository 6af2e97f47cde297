-> k.g(1)
== k
- (g) x -> END
// expect error: E015
