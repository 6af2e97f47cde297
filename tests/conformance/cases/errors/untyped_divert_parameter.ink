-> k(-> j)
== k(t)
-> t // expect error: E025
== j
J -> END
