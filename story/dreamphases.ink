# title: DreamPhases
# author: the DreamPhases team
# stat: lucidity, Lucidity, 0..100, lucidity
# stat: bond_milo, Milo, -10..10, bond

VAR lucidity = 50
VAR bond_milo = 0

Family night. The kitchen smells of burnt toast.
Milo pushes his plate away. "Do you ever dream about us anymore? The real us?" # speaker: Milo
* [Listen to him]
    ~ bond_milo = bond_milo + 2
    You put down your fork and listen.
* [Brush it aside]
    ~ bond_milo = bond_milo - 2
    ~ lucidity = lucidity - 10
    "It's just work, Milo."
- The night goes on. # ending: placeholder
-> END
