// a case with a value of its own may be empty; only '-' and '- else:' need content
VAR n = 1
{ n:
- 1:
- else: Other.
}
Done.
-> END
// expect: Done.
