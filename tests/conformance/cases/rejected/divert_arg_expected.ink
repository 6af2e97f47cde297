-> k(1)
== k(-> t)
-> t
// expect error: E016
