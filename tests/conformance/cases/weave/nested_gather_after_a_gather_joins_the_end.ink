// A nested weave's last gather flows on to the next gather of the enclosing weave (here the top
// level's implicit end), even when a choice follows the gather the nested weave hangs under.
- Gathered.
* * Nested
    In nested.
- - Deep gather.
* Other
  other content.
// expect: Gathered.
// expect choice: Nested
// expect choice: Other
// choose: 1
// expect: Nested
// expect: In nested.
// expect: Deep gather.
// inkjs: inkjs's Weave removes a loose end with splice(indexOf(x), 1), which drops the last loose end when x is absent (inklecate's List.Remove does nothing), so its JSON runs out of content after "Deep gather."
