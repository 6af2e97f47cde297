{not -> hall: Never seen.} // expect error: E028
-> hall
== hall
The hall. -> END
