// A global declared inside a stitch: its divert target is looked up from the stitch,
// so a sibling stitch's bare name is found.
-> k
== k
= s1
VAR next = -> s2
One. -> next
= s2
Two. -> END
// expect: One. Two.
