{true:
* Go
  -> there
}
-> DONE
== there
There.
-> END
// choose: 1
// expect choice: Go
// expect: Go
// expect: There.
