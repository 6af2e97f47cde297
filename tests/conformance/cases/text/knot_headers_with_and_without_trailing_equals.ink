-> f
== f ==
Text -> END
== g
G -> END
// expect: Text
