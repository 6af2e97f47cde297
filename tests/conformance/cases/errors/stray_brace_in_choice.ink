* A choice } with a brace // expect error: E002
  -> END
