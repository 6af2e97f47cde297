* Open[] the door [quietly] // expect error: E001
  -> END
