// A choice line ending in whitespace after its brackets: the whitespace is the
// chosen content, so inklecate prints a line that is only a newline.
* [Go]  
  Next line.
  -> END
// choose: 1
// expect choice: Go
// expect:
// expect: Next line.
