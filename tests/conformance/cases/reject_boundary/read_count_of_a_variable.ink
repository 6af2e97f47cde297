VAR place = -> hall
-> hall
== hall
{READ_COUNT(place)} {TURNS_SINCE(-> hall)} {RANDOM(2, 2)}
-> END
// expect: 1 0 2
