The end. -> END # ending // expect error: E034
