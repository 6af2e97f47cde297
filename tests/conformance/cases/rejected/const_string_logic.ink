CONST s = "{1}"
-> END
// expect error: E018
