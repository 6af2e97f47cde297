VAR n = 2
{ n > 3:
  Many.
- else: // expect error: E030
}
-> END
