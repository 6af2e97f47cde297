-> k
== k
= first // expect error: E023
= second
Text.
-> END
