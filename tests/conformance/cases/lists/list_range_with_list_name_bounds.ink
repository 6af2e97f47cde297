// LIST_RANGE's bounds may be numbers, items or whole lists: a list bound stands for its lowest
// item's value (the minimum) or its highest (the maximum); an empty list leaves that bound open.
// A list's name is a variable holding the list's current value.
LIST colours = red, (green), blue, yellow
LIST sizes = (small), medium, (large)
LIST empty = aa, bb
VAR all = ()
~ all = LIST_ALL(colours)
{LIST_RANGE(all, colours, 4)}
{LIST_RANGE(all, 1, colours)}
{LIST_RANGE(all, empty, 3)}
{LIST_RANGE(all, 2, empty)}
{LIST_RANGE(all, sizes, sizes)}
{LIST_RANGE(LIST_ALL(sizes), colours, sizes)}
~ colours = (blue, yellow)
{LIST_RANGE(all, colours, colours)}
{LIST_RANGE(colours, 1, 3)}
{LIST_RANGE(LIST_ALL(colours), colours(2), colours(3))}
// expect: green, blue, yellow
// expect: red, green
// expect: red, green, blue
// expect: green, blue, yellow
// expect: red, green, blue
// expect: medium, large
// expect: blue, yellow
// expect: blue
// expect: green, blue
