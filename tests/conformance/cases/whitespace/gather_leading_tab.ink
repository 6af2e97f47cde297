* [A]
- 	Gathered after a tab.
// choose: 1
// expect choice: A
// expect: Gathered after a tab.
