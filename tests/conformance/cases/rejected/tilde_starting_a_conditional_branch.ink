VAR cold = true
{cold: ~ Snow} // expect error: E001
-> END
