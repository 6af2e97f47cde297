-> hall

=== hall ===
A hall with two doors.
* [Left door] -> garden
* [Right door] -> cellar

=== garden ===
Sunlight. # ending: garden
-> END

=== cellar ===
The door locks behind you. Nothing else happens.
-> DONE

=== attic ===
Dust and old letters. Nobody comes up here.
-> END
