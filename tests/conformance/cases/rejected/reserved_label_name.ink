* (true) Yes // expect error: E011
  -> END
