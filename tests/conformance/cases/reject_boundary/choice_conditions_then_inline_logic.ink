VAR n = 1
* {n > 0} {not (n > 3)} Walk {&slowly|fast} home
  -> END
* [{&Run|Sprint}] home
  -> END
// expect choice: Walk slowly home
// expect choice: Run
