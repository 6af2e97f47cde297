VAR n = 2
{ n > 3:
- Many.
- // expect error: E030
}
-> END
