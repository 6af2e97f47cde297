~ temp name = "Ph|ilippe" // expect error: E033
{name}
-> END
