// A seed for the whitespace fuzz (tests/conformance/wsfuzz.py): our own story, written the way
// published ink is, with every construct whose whitespace inklecate treats specially.
VAR trust = 0
VAR visited_bar = false
LIST mood = calm, (wary), angry
-> platform

=== platform ===
The train is late again. # scene: platform
A woman in a grey coat stands by the timetable. #speaker: narrator
* [Ask her the time]
    "Quarter past," she says, without looking up.
    ~ trust++
* "Is it always like this?"[] I ask.
    She shrugs. "Only on {~Mondays|weekdays|days ending in y}."
* (ignore) [Ignore her] -> wait
- (talked) She turns back to the board.
{ trust > 0:
    She almost smiles.
- else:
    She does not smile.
}
-> wait

=== wait ===
= bench
You sit on the bench<>
{ visited_bar: , smelling faintly of beer|}.
+ {not visited_bar} [Go to the bar] -> bar ->
  You come back.
  -> bench
* {trust > 0} [Talk to her again]
  -> conversation
* -> departure

= conversation
"Where are you going?" you ask.
"{mood == wary: Nowhere you'd know|Home}," she says. #speaker: woman
* * "Me too."
    ~ mood = calm
* * [Say nothing]
    The silence is comfortable.
- - -> departure

=== bar ===
The bar is {&empty|half full|loud}.
~ visited_bar = true
{ mood:
- calm: You feel fine.
- wary: You keep an eye on the door.
- else: You are angry.
}
->->

=== departure ===
The train arrives {describe(trust)}.
<- announcement
* [Board]
    You board. <>
    -> carriage
* [Stay]
    You stay on the platform.
    -> END

=== carriage
It is {TURNS_SINCE(-> platform)} turns since the platform.
The end.
-> END

=== announcement
* [Listen to the announcement] "Mind the gap."
    -> carriage
- -> DONE

=== function describe(n)
{ n:
- 0: ~ return "slowly"
- 1: ~ return "at last"
}
~ return "on time"
