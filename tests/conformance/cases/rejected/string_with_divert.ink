~ temp name = "away -> END" // expect error: E033
{name}
-> END
