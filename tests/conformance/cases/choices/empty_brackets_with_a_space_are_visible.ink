Pick.
* [] 
  Picked the blank.
  -> END
* [B] Took B. -> END
// choose: 1
// expect: Pick.
// expect choice: 
// expect choice: B
// expect:
// expect: Picked the blank.
