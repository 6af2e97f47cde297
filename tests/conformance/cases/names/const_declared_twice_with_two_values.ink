CONST c = 1
CONST c = 2 // expect error: E010
{c} -> END
