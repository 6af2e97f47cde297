// A top level that starts with a deeper gather nests it in a weave of its own, whose unnamed gather
// shares its runtime name with the top level's implicit end: each must still lead to its own place.
- - End
* * * * Very deep
* * * Less deep
-> END
// expect: End
// expect choice: Very deep
// expect choice: Less deep
// choose: 2
// expect: Less deep
