VAR v = 1
-> k
== k
- (v) Text -> END // expect error: E010
