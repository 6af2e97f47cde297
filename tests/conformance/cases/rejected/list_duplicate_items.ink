LIST l = a, a
-> END
// expect error: E010
