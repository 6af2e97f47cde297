x{  a|b}
x{&  a|b}
x{true:  a|b}
// expect: xa
// expect: x a
// expect: x a
