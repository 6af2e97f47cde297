* Hello [there] 
  <>world.
  -> END
// choose: 1
// expect choice: Hello there
// expect: Hello world.
