VAR cold = true
{cold:|Warm.} // expect error: E001
-> END
