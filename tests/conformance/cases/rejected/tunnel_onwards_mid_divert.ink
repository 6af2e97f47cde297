-> tunnel ->-> hall -> garden // expect error: E001
== tunnel
In.
->->
== hall
Hall. -> END
== garden
Garden. -> END
