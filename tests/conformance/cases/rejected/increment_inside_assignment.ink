VAR visits = 0
~ temp before = visits++ // expect error: E027
{before}
-> END
