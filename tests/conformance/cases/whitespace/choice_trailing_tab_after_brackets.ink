* [Go]	
  Next line.
  -> END
// choose: 1
// expect choice: Go
// expect:
// expect: Next line.
