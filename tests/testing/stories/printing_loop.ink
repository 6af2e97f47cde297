// A loop that prints forever after the first choice, with a broken expectation on the way.
EXTERNAL expect(condition, what)
VAR heard = false
-> start

=== start ===
* [Listen] -> echo
* [Leave] Bye. # ending: left
  -> END

=== echo ===
~ expect(heard, "the echo heard once")
An echo.
~ heard = true
-> echo

=== function expect(condition, what) ===
~ return
