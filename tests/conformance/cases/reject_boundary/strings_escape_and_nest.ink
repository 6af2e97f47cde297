// inside a string, '\|' and '\#' are text, and braces may hold alternatives and glue
~ temp a = "one\|two \#3"
~ temp b = "{&x|y}<>z"
{a} {b}
-> END
// expect: one|two #3 xz
