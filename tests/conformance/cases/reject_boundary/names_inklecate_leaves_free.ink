// only ink's keywords (true, false, not, return, else, VAR, CONST, temp, LIST, function) and its
// built-in functions are refused as names; 'and', 'DONE' and the like may be declared
VAR DONE = 1
~ temp and = 2
{DONE}
-> END
// expect: 1
