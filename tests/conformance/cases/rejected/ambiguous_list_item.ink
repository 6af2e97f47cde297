LIST a = x, y
LIST b = x, z
{x}
-> END
// expect error: E013
