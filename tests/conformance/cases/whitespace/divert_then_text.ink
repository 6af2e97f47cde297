Start -> next   
== next
   Next.   
-> END
// expect: Start Next.
