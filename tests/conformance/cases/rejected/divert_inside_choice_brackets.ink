* [Leave -> porch] // expect error: E034
== porch
The porch. -> END
