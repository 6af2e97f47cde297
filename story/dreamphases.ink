# title: DreamPhases
# author: The DreamPhases team
# stat: lucidity, Lucidity, 0..100, lucidity
# stat: bond_milo, Milo, -10..10, bond
# stat: bond_zara, Zara, -10..10, bond
# stat: bond_julian, Julian, -10..10, bond
# stat: stability, Network, 0..100, meter

INCLUDE lib.ink
INCLUDE act1.ink
INCLUDE act2.ink
INCLUDE act3.ink
INCLUDE act4.ink
INCLUDE act5.ink
INCLUDE act6.ink

// The tracked state. Every stat changes only through the clamped functions in lib.ink.
VAR lucidity = 50
VAR bond_milo = 0
VAR bond_zara = 2
VAR bond_julian = 2
VAR stability = 100

// Flags set in acts 1-3 and read by the dive, the eureka and the endings.
VAR milo_heard = false
VAR zara_confided = false
VAR julian_confided = false
VAR saw_the_seam = false
VAR kept_backdoor = false

// Real sibling memories Lyra holds; the eureka counts them.
LIST memories = kite_day, burnt_pancakes, hospital_night, rooftop_comet, mixtape, lighthouse_trip

-> act1
