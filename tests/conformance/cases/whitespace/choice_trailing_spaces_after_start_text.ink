* Stay [now]  
  More.
  -> END
// choose: 1
// expect choice: Stay now
// expect: Stay
// expect: More.
