// A choice whose displayed text is not its source text: it must still count as taken.
VAR name = "Mara"
VAR asked = 0
-> hub

== hub
* Tell {name} the truth
  She nods. -> hub
* {asked > 0} [Ask {name} again] -> hub
* [Ask]
  ~ asked++
  -> hub
* [Go out] -> porch

== porch
* [Leave] -> outside
* {asked > 5} [Stay] -> hub

== outside
Outside. # ending: out
-> END
