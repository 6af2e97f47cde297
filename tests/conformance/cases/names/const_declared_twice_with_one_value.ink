CONST c = 1
CONST c = 1
{c} -> END
// expect: 1
