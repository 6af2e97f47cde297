-> k.s
== k ==
Hello.
-> DONE
= s
* (t) [Go] Went. // expect error: E010
-> DONE
= t
In t.
-> DONE
