VAR x = 1
{x: // expect error: E001
}
-> END
