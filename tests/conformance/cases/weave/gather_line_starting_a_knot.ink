// After a gather's dashes inklecate reads any statement, a knot header included.
Arrived.
-> home
- === home ===
At home.
-> END
// expect: Arrived.
// expect: At home.
