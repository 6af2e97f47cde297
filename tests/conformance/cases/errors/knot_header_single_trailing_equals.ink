== f = // expect error: E001
Text -> END
