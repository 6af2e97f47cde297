// Everything here can be covered: two endings, four choices, one conditional branch each way.
VAR brave = false
-> gate
== gate
* [Be brave]
  ~ brave = true
* [Be careful]
- (on)
{ brave: You stride in. | You creep in. }
* [Left] -> left
* [Right] -> right
== left
Left. # ending: left
-> END
== right
Right. # ending: right
-> END
