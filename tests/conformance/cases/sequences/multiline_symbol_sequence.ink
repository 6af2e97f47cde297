// '{&' (or another run of symbols) alone on a line starts a multiline sequence, like '{cycle:'.
VAR n = 0
- (top) Start.
{&
- one
- two
}
{$
  - three
  - four
}
~ n++
{n < 3: -> top}
-> END
// expect: Start.
// expect: one
// expect: three
// expect: Start.
// expect: two
// expect: four
// expect: Start.
// expect: one
// expect: four
