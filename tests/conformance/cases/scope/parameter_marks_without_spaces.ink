// A parameter's '->' and 'ref' need no space before the name: '(->t)', '(ref->dest)'.
-> k(-> a)
== k(->t)
In k. -> t
== a
In a.
~ temp x = -> b
-> r(x)
== r(ref->dest)
~ dest = -> b
In r. -> dest
== b
In b.
-> END
// expect: In k. In a.
// expect: In r. In b.
