-> next // expect error: E012
VAR next = -> hall
== hall
The hall. -> END
