// A passage of six lines between two choices: --max-lines 5 calls it an endless loop.
* [Talk]
  One.
  Two.
  Three.
  Four.
  Five.
  Six.
  -> END
* [Nod] Fine. # ending: nod
  -> END
