-> k
== k
* (lab) Pick
  ~ temp lab = 1 // expect error: E010
  -> END
