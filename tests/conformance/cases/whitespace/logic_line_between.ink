A
  ~ temp y = 2
  B {y}
// expect: A
// expect: B 2
