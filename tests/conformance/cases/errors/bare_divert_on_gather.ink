* A
* B
- -> // expect error: E001
