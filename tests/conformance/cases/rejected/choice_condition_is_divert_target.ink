* {-> hall} Go back // expect error: E028
  -> hall
== hall
The hall. -> END
