VAR x = 1
A {x}   B   {x}   
C
// expect: A 1 B 1
// expect: C
