- (x) Top.
-> k
== k ==
- (x) In k. // expect error: E010
-> DONE
