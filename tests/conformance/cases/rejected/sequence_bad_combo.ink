{stopping shuffle cycle: a|b}
-> END
// expect error: E001
