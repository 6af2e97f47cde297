// `hums` is written and never read: states differing in it are one state. `key` is read at the door.
VAR hums = 0
VAR key = false
-> hub
== hub
+ [Hum]
  ~ hums++
  -> hub
+ {not key} [Take the key]
  ~ key = true
  -> hub
* [Leave] -> door
== door
{ key:
    The door opens. # ending: open
  - else:
    Locked out. # ending: locked
}
-> END
