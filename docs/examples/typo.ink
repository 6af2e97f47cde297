// A one-letter slip in a divert: the README's compile-error example.
-> start
=== start ===
It is Friday.
* [Stay in]
  You stay in.
  -> famly_night
=== family_night ===
Pizza, and an argument about the remote. -> END
