A brace } in the middle of a line. // expect error: E002
