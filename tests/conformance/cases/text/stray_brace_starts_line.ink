Before.
} // expect warning: W006
After: inklecate stops reading the file at the brace, so this never plays.
// expect: Before.
