Hello   <>
   world.
// expect: Hello world.
