// only diverts and calls to a variable need it declared above them; reading it does not
{next == -> hall: Set.}
VAR next = -> hall
-> next
== hall
The hall. -> END
// expect: Set.
// expect: The hall.
