VAR where = -> hall
~ where = -> hall + 1 // expect error: E028
-> where
== hall
The hall. -> END
