* Hello [there] friend  
  -> END
// choose: 1
// expect choice: Hello there
// expect: Hello friend
