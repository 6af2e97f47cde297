// With a symbol a sequence may have a single element: '{$7 / 3}' prints "7 / 3" once it is reached.
A {$7 / 3} B
// expect: A 7 / 3 B
