-> k(-> j)
== k(-> t)
-> t
== j
J -> END
// expect: J
