// A '|' right after a choice's marks leaves it empty: inklecate warns (a fallback choice) and skips
// the rest of the line without the error a stray '|' gets elsewhere.
* |  never shown // expect warning: W007
* Real
  Chosen.
  -> END
// expect choice: Real
// choose: 1
// expect: Real
// expect: Chosen.
