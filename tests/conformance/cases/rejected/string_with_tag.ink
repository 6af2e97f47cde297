~ temp name = "Room #4" // expect error: E033
{name}
-> END
