VAR where = -> hall
{where == -> hall: Same.}
{-> hall != where: Different.|Not different.}
~ where = pick(-> hall)
{TURNS_SINCE(-> hall)} {READ_COUNT(where)}
-> where
== function pick(t)
~ return t
== hall
The hall. -> END
// expect: Same.
// expect: Not different.
// expect: -1 0
// expect: The hall.
