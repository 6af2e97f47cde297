-> k(j)
== k(-> t)
-> t
== j
x -> END
// expect error: E016
