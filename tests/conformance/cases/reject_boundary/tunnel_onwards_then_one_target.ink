// '->->' may end a divert, followed by one target: tunnel into inner, then return from outer to hall
-> outer ->
Back.
-> END
== outer
-> inner ->-> hall
== inner
Inner.
->->
== hall
Hall. -> END
// expect: Inner.
// expect: Hall.
