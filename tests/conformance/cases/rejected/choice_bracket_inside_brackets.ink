* Open [the [door] // expect error: E001
  -> END
