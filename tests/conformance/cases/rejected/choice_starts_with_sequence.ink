* {&Walk|Run} home // expect error: E032
  -> END
