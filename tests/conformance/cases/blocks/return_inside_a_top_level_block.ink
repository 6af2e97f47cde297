// inklecate refuses '~ return' standing directly at the top level, but not inside a block there
// (or when its value calls a function): the runtime fails only if it runs.
VAR ready = false
Start.
{ ready:
    ~ return
}
Middle.
~ return f()
Never.
== function f ==
~ return 1
// expect: Start.
// expect: Middle.
// expect runtime error: return
