{stopping:}
-> END
// expect error: E001
