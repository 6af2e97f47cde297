{TURNS_SINCE(hall)} // expect error: E036
-> hall
== hall
The hall. -> END
