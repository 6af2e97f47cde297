// A '}' with no '{' right after a gather's dash ends inklecate's parse, as at the start of a line.
Before.
-} After. // expect warning: W006
Never.
// expect: Before.
