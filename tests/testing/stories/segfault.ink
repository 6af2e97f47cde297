// One branch passes a temporary by reference into a knot: bink (0.7) crashes the whole process there.
-> hub
== hub
* [Walk away] -> away
* [Open the box] -> box

== away
Fresh air. # ending: away
-> END

== box
~ temp scene = 0
-> opened(scene)

== opened(ref scene)
~ scene++
Scene {scene}. # ending: opened
-> END
