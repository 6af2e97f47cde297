-> hall
== hall // expect error: E023
}
The hall.
