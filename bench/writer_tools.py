"""How long the writer tools take on a big story: compile, lint (all rules), stats, map (DOT).

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
from dreamphases.tools.lint import SourceCache, run_lint  # noqa: E402
from dreamphases.tools.stats import compute_stats  # noqa: E402
from dreamphases.tools.storymap import build_view, to_dot  # noqa: E402


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
        found = run_lint(graph, sources=sources)
        print(f"lint (all rules): {best(args.repeat, lambda: run_lint(graph, sources=sources)):.3f} s "
              f"({len(found)} findings)")
        print(f"stats:          {best(args.repeat, lambda: compute_stats(graph)):.3f} s")
        print(f"map (DOT):      {best(args.repeat, lambda: to_dot(build_view(graph))):.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
