// A run of sequence symbols adds their kinds ('~!' is a shuffle once, '$' is stopping); the
// whitespace after the symbols belongs to the first element, so it shows where that element does.
VAR n = 0
- (top) x{&  a|b}y x{$ d}y x{$  h|i}y x{!  e|f}y
~ n++
{n < 3: -> top}
-> END
// expect: x ay x dy x hy x ey
// expect: xby x dy xiy xfy
// expect: x ay x dy xiy xy
