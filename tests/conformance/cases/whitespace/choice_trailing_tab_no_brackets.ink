* Stay	
  More.
  -> END
// choose: 1
// expect choice: Stay
// expect: Stay
// expect: More.
