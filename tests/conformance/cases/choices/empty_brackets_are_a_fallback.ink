- (top)
* []
  Picked the blank.
  -> END
+ [B] Took B. -> top
// choose: 1
// expect choice: B
// expect: Took B.
// expect choice: B
