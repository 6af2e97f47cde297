EXTERNAL f(x)
EXTERNAL f(x) // expect error: E010
{f(1)} -> END
== function f(x)
~ return x
