# title: Test Night
# author: The test suite
# stat: lucidity, Lucidity, 0..100, lucidity
# stat: bond_milo, Milo, -10..10, bond
# stat: stability, Stability, 0..10
# mood: a global tag no player knows

VAR lucidity = 60
VAR bond_milo = 0
VAR stability = 5

The kitchen is quiet. # weird: a line tag no player knows
"Are you listening?" # speaker: Milo
* [Listen]
    ~ bond_milo = bond_milo + 2
    You listen.
    -> hallway
* [Ignore him]
    ~ bond_milo = bond_milo - 2
    ~ lucidity = lucidity - 30
    You look away.
    -> hallway
* [Leave]
    -> hallway

=== hallway ===
The hallway hums louder. # glitch: 2 # scene: The hallway
* [Try the handle] -> door
* [Go back to bed] -> END

=== door ===
~ stability = stability - 1
Behind the door, the dream. # nightmare
* [Wake]
    You wake. # pause
    -> END
* [Stay]
    ~ lucidity = lucidity - 20
    You stay. The dream keeps you.
    -> END
