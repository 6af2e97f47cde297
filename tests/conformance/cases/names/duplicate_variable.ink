VAR v = 1
VAR v = 1 // expect error: E010
{v} -> END
