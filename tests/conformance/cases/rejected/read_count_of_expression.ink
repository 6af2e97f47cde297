{READ_COUNT(- hall)} // expect error: E036
-> hall
== hall
The hall. -> END
