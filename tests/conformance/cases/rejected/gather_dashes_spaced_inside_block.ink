{ stopping:
  - First.
  - - Second? // expect error: E035
}
-> END
