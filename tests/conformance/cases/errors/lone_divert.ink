Some text.
-> // expect error: E001
* A fallback after a choice may be a bare arrow:
* ->
