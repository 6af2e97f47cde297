-> here
== here // expect error: E023

== there
Nothing before this knot's header ended 'here'.
-> END
