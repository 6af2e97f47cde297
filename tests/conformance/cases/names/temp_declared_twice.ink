~ temp y = 1
~ temp y = 2 // expect error: E010
{y} -> END
