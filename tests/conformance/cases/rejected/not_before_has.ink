LIST keys = brass, iron
VAR held = (brass)
{not held ? iron: The iron key is missing.} // expect error: E031
-> END
