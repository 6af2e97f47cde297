{ stopping:
  The first time. // expect error: E030
- The second time.
}
-> END
