"""Graph questions shared by the tools."""

from __future__ import annotations

from dreamphases.tools.reading import Passages
from dreamphases.tools.stats import compute_stats


def test_a_chain_of_thousands_of_diverts_does_not_overflow(builder):
    g = builder()
    previous = ""
    for number in range(5000):
        g.knot(f"k{number}", words=1).edge(previous, f"k{number}")
        previous = f"k{number}"
    g.edge(previous, "END", ending="end")
    words, path = Passages.build(g.graph).longest_run("")
    assert (words, len(path)) == (5000, 5001)
    [route] = compute_stats(g.graph).routes
    assert route.shortest_words == route.longest_words == 5000
    assert g.lint("L011", max_words=10) == ["L011"]
