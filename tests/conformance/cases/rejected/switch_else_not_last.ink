VAR n = 2
{ n:
- 1: One.
- else: Other. // expect error: E030
- 2: Two.
}
-> END
