* Hello 
  <>world.
  -> END
// choose: 1
// expect choice: Hello
// expect: Hello world.
