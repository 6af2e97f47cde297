// an element of a multiline sequence may be empty
{ stopping:
-
- Second.
}
Done.
-> END
// expect: Done.
