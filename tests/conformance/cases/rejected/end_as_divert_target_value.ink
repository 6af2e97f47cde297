VAR next = -> END // expect error: E028
-> next
