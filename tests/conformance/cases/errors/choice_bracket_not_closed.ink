* Hello [there // expect error: E001
  -> END
