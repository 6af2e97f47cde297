"""Compile CPU time by stage, in process, this checkout beside another commit of the compiler, in one run.

Why: `bench/compile.py` times the whole process against inkjs, which is what a writer waits for; this
one says where the compiler's own time goes (read, parse, weave, each resolve pass, emit, the
loadability check), and whether a change made a stage slower than it was at an earlier commit (the
compile-speed reference is the commit before the typed-stages refactor, issue 10). CPU time
(`time.process_time`), best of `--runs`, on a generated story of at least 20,000 lines and on the
bundled story; the two trees alternate run by run so both see the same load.

    python bench/compile_stages.py [--against 1738706684bf] [--runs 5] [--lines 20000]

`--against` checks the commit out into a temporary git worktree (removed afterwards); without it only
this checkout is timed. A stage that a commit does not have is shown as "-". "total" is `compile_path`
with the story graph (what the tools run); "total as `compile` runs it" leaves the graph out
(`graph=False`), which a commit before that option could not do, so there it equals "total".
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_story import generate  # noqa: E402  (bench/ is not a package)
from worktree import checkout  # noqa: E402

#: (module, function, label): the stage entry points, wrapped with a CPU timer where a tree has them
STAGES = [
    ("dreamphases.compiler.source", "read_sources", "read"),
    ("dreamphases.compiler.parser", "parse", "parse"),
    ("dreamphases.compiler.weave", "weave", "weave"),
    ("dreamphases.compiler.resolve", "resolve", "resolve (all passes)"),
    ("dreamphases.compiler.declare", "declare", "  declare"),
    ("dreamphases.compiler.collisions", "check_collisions", "  collisions"),
    ("dreamphases.compiler.names", "resolve_names", "  names"),
    ("dreamphases.compiler.loose_ends", "find_loose_ends", "  loose_ends"),
    ("dreamphases.compiler.graph_build", "build_graph", "  graph_build"),
    ("dreamphases.compiler.emit", "emit", "emit"),
    ("dreamphases.compiler.loadable", "check_loadable", "check_loadable"),
]

# Run in a child process whose PYTHONPATH is the tree being timed: wraps each stage function (in its
# module and wherever it was imported by name), compiles `runs` times, prints the best run as JSON.
_CHILD = r"""
import gc, importlib, inspect, json, pkgutil, sys, time
import dreamphases.compiler as C
from dreamphases.compiler import api
story, runs, stages = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
for info in pkgutil.iter_modules(C.__path__):
    importlib.import_module("dreamphases.compiler." + info.name)
spent = {}
def wrap(module, name, label):
    mod = sys.modules.get(module)
    original = getattr(mod, name, None)
    if original is None:
        return
    def timed(*args, **kwargs):
        start = time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            spent[label] = spent.get(label, 0.0) + time.process_time() - start
    for m in list(sys.modules.values()):
        if getattr(m, "__name__", "").startswith("dreamphases") and getattr(m, name, None) is original:
            setattr(m, name, timed)
for module, name, label in stages:
    wrap(module, name, label)
best = None
for _ in range(runs):
    spent.clear()
    gc.collect()
    start = time.process_time()
    result = api.compile_path(story)
    total = time.process_time() - start
    if result.json_text is None:
        print(json.dumps({"error": [str(d) for d in result.diagnostics[:3]]}))
        sys.exit(0)
    if best is None or total < best["total"]:
        best = {"total": total, **spent}
# the `compile` command asks for no story graph where the tree can leave it out; a tree that cannot
# (before graph=False) builds it there too, so its figure is its total
if "graph" in inspect.signature(api.compile_path).parameters:
    for _ in range(runs):
        gc.collect()
        start = time.process_time()
        api.compile_path(story, graph=False)
        total = time.process_time() - start
        best[COMMAND] = min(best.get(COMMAND, total), total)
else:
    best[COMMAND] = best["total"]
print(json.dumps(best))
""".replace("COMMAND", repr("total as `compile` runs it"))


def _time_tree(tree: Path, story: Path, runs: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    # (run from inside the tree: `python -c` puts the current folder first on sys.path)
    out = subprocess.run([sys.executable, "-c", _CHILD, str(story), str(runs), json.dumps(STAGES)],
                         env=env, cwd=tree, capture_output=True, text=True, check=True).stdout
    found: dict[str, float] = json.loads(out)
    if "error" in found:
        raise SystemExit(f"{tree} does not compile {story.name}: {found['error']}")
    return found


def _compare(label: str, story: Path, trees: dict[str, Path], runs: int) -> None:
    best: dict[str, dict[str, float]] = {name: {} for name in trees}
    for _ in range(runs):  # alternate the trees, one compile each, so load hits both alike
        for name, tree in trees.items():
            for stage, seconds in _time_tree(tree, story, 1).items():
                best[name][stage] = min(best[name].get(stage, seconds), seconds)
    names = list(trees)
    print(f"{label}: CPU seconds, best of {runs}, load average {os.getloadavg()[0]:.2f}")
    print(f"  {'stage':28s}" + "".join(f"{n:>14s}" for n in names))
    for stage in ["total", "total as `compile` runs it", *[s[2] for s in STAGES]]:
        cells = [f"{best[n][stage]:14.3f}" if stage in best[n] else f"{'-':>14s}" for n in names]
        if any(c.strip() != "-" for c in cells):
            print(f"  {stage:28s}" + "".join(cells))
    if len(names) == 2:
        for stage in ("total", "total as `compile` runs it"):
            a, b = (best[n][stage] for n in names)
            print(f"  {names[0]}/{names[1]} {stage}: {a / b:.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--against", help="a commit to time beside this checkout (e.g. 1738706684bf)")
    parser.add_argument("--runs", type=int, default=5, help="compiles per tree; the best CPU time counts")
    parser.add_argument("--lines", type=int, default=20_000, help="size of the generated story")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dp-stages-bench-") as tmp, \
            checkout(args.against, Path(tmp) / "against") as other:
        folder = Path(tmp)
        trees = {"this checkout": ROOT}
        if other is not None:
            trees[args.against[:12]] = other
        generated = folder / "generated.ink"
        generated.write_text(generate(args.lines, args.seed), encoding="utf-8")
        count = len(generated.read_text(encoding="utf-8").splitlines())
        _compare(f"generated story (seed {args.seed}, {count:,} lines)", generated, trees, args.runs)
        bundled = ROOT / "story" / "dreamphases.ink"
        if bundled.exists():
            _compare("bundled story (story/*.ink)", bundled, trees, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
