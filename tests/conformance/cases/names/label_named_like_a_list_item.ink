LIST colours = red, blue
-> k
== k
* (red) Pick // expect error: E010
  -> END
