* Leave -> porch [now] // expect error: E034
== porch
The porch. -> END
