- (top)
* Once[.] only.
+ Sticky[.] again.
    -> top
* -> END
- Then.
// expect choice: Once.
// expect choice: Sticky.
// choose: 2
// expect: Sticky again.
// expect choice: Once.
// expect choice: Sticky.
// choose: 1
// expect: Once only.
// expect: Then.
