-> start
== start
{greet()} // expect error: E012
-> END
== setup
VAR greet = -> hello
-> END
== function hello
~ return "Hi"
