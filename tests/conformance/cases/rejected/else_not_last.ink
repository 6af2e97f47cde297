VAR n = 2
{
- n > 3: Many.
- else: Few. // expect error: E030
- n == 0: None.
}
-> END
