~ temp x = 1
-> k
== k
~ temp x = 2
{x} -> END
// expect: 2
