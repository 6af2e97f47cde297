# title: Endings
# stat: courage, Courage, 0..10

VAR courage = 1
VAR has_map = false

The ferry horn sounds twice. # scene: dock
-> dock

=== dock ===
You stand on the dock.
* [Board the ferry]
    ~ courage = courage + 2
    You climb aboard.
    -> ferry
* [Buy a map]
    ~ has_map = true
    The map is expensive.
    -> dock
* [Go home]
    You walk home in the rain. # ending: home
    -> END

=== ferry ===
= deck
The sea is grey.
* [Jump] -> drowned
* {has_map} [Read the map]
    The island is closer than you thought. # ending: island
    -> END
* {courage > 99} [Take the helm]
    You steer into legend. # ending: legend
    -> END

=== drowned ===
The water is cold. # ending: drowned
-> END
