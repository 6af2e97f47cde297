VAR here = -> k
VAR there = -> k
~ there = -> here // expect error: E024
-> there
== k
K -> END
