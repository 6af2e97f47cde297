"""How long the writer tools take on a big story: compile, lint, check with and without dataflow, stats, map.

    python bench/writer_tools.py --lines 20000

Prints one figure per step (best of --repeat runs). The lint, stats and map figures exclude the
compile, which they share with `dreamphases compile`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_story import generate  # noqa: E402

from dreamphases.compiler import compile_path  # noqa: E402
from dreamphases.tools.lint import Rule, SourceCache, run_lint  # noqa: E402
from dreamphases.tools.rules import RULES  # noqa: E402
from dreamphases.tools.stats import compute_stats  # noqa: E402
from dreamphases.tools.storymap import build_view, to_dot  # noqa: E402

#: the state dataflow rules (dreamphases/analysis)
DATAFLOW = frozenset({"L015", "L016", "L017", "L018"})


def best(repeat: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        story = Path(folder) / "big.ink"
        story.write_text(generate(args.lines, args.seed), encoding="utf-8")
        result = compile_path(story)
        graph = result.graph
        if graph is None:
            print("the generated story did not compile", file=sys.stderr)
            return 1
        print(f"story: {args.lines} lines, {len(graph.nodes)} nodes, {len(graph.edges)} edges, "
              f"{len(graph.choices)} choices")
        print(f"compile:        {best(args.repeat, lambda: compile_path(story)):.3f} s")
        sources = SourceCache(root=story.parent)
        found = run_lint(graph, RULES, sources=sources)
        print(f"lint (all rules): {best(args.repeat, lambda: run_lint(graph, RULES, sources=sources)):.3f} s "
              f"({len(found)} findings)")
        # `check` as a writer runs it: compile + every rule, against compile + the rules that were there
        # before the state dataflow (L015-L018), which must stay within 2x
        without = tuple(r for r in RULES if r.code not in DATAFLOW)

        def check(rules: tuple[Rule, ...]) -> None:
            compiled = compile_path(story)
            assert compiled.graph is not None
            run_lint(compiled.graph, rules=rules, sources=SourceCache(root=story.parent))

        base = best(args.repeat, lambda: check(without))
        full = best(args.repeat, lambda: check(RULES))
        print(f"check without dataflow rules: {base:.3f} s")
        print(f"check with dataflow rules:    {full:.3f} s ({full / base:.2f}x; target <= 2x)")
        print(f"stats:          {best(args.repeat, lambda: compute_stats(graph)):.3f} s")
        print(f"map (DOT):      {best(args.repeat, lambda: to_dot(build_view(graph))):.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
