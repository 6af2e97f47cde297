-> start

=== start ===
* [Listen] -> echo

=== echo ===
An echo.
-> echo
