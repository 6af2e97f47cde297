* [Leave] Gone.
* ->
- Done.
// choose: 1
// expect choice: Leave
// expect: Gone.
// expect: Done.
