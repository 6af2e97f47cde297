Text then glue <>   
  , continued.
// expect: Text then glue , continued.
