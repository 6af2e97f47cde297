LIST keys = brass, iron
VAR held = (brass)
{not (held ? iron): The iron key is missing.}
-> END
// expect: The iron key is missing.
