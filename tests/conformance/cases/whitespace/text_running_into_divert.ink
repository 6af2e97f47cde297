-> a
=== a ===
Go>-> b
=== b ===
8
-> END
// expect: Go> 8
