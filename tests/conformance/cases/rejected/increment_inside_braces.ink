VAR visits = 0
You have been here {visits++} times. // expect error: E027
-> END
