Leaving. #exit -> gone
== gone
* Go #choice -> END
// expect: Leaving.
// expect tags: exit
// expect choice: Go
