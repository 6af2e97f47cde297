* (lab Pick // expect error: E001
  -> END
