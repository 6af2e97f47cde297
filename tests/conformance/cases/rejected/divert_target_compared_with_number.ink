VAR where = -> hall
{-> hall == 1: One.} // expect error: E028
-> hall
== hall
The hall. -> END
