{-> hall: Seen it.} // expect error: E028
-> hall
== hall
The hall. -> END
