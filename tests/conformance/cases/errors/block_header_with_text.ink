VAR x = 1
{ x: hello // expect error: E002
}
-> END
