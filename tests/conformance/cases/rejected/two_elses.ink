VAR n = 2
{
- n > 3: Many.
- else: Few.
- else: Fewer. // expect error: E030
}
-> END
