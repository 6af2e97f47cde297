// parentheses around the 'not' alone change nothing: inklecate still sees 'not' on the left of '?'
LIST keys = brass, iron
VAR held = (brass)
{(not held) ? iron: Never.} // expect error: E031
-> END
