"""Everything the compiler outputs, this checkout beside another commit's, story by story, in one run.

Why: a speed change to the compiler must not change what it produces. For each story this dumps the
JSON, the diagnostics (their repr: code, message, span, hint) and the story graph's repr (and checks
that compiling without the graph, as `compile` does, gives the same JSON and diagnostics), from this
checkout and from `--against` (default: the current `origin/main`), and says which stories differ.
The stories: every ink-proof and ink-corpus story in ../shared (when present), the bundled story, the
20,000-line generated story and a few smaller generated ones with other seeds.

    python bench/compile_outputs.py [--against origin/main] [--keep /tmp/outputs]

Exits 1 when any story's output differs. `--keep` leaves the dumps (one file per story and tree) for
`diff -r`.
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
SHARED = ROOT / ".." / "shared"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_story import generate  # noqa: E402  (bench/ is not a package)
from worktree import checkout  # noqa: E402

#: (lines, seed) of the generated stories: the benchmark's story, and smaller ones that vary the mix
GENERATED = [(20_000, 1), (3_000, 2), (3_000, 3)]

# Run in a child process whose PYTHONPATH is the tree being dumped: one output file per story.
# Where the tree can compile without the story graph (what `compile` does), that must give the same
# JSON and diagnostics: a line in the dump says when it does not.
_CHILD = r"""
import inspect, json, sys
from pathlib import Path
from dreamphases.compiler import api
stories, out = json.loads(sys.argv[1]), Path(sys.argv[2])
bare_too = "graph" in inspect.signature(api.compile_path).parameters
for name, path in stories:
    result = api.compile_path(path)
    text = "\n".join(["== json", str(result.json_text), "== diagnostics",
                      *map(repr, result.diagnostics), "== graph", repr(result.graph), ""])
    if bare_too:
        bare = api.compile_path(path, graph=False)
        if (bare.json_text, bare.diagnostics) != (result.json_text, result.diagnostics):
            text += "== without the graph: other JSON or diagnostics\n"
    (out / name).write_text(text, encoding="utf-8")
"""


def _stories(folder: Path) -> list[tuple[str, str]]:
    """(dump file name, story path) of every story compared."""
    found: list[tuple[str, str]] = []
    for path in sorted((SHARED / "ink-proof").glob("**/story.ink")):
        found.append(("proof-" + path.parent.name, str(path.resolve())))
    for path in sorted((SHARED / "ink-corpus").glob("**/*.ink")):
        found.append(("corpus-" + "-".join(path.relative_to(SHARED / "ink-corpus").parts), str(path.resolve())))
    found.append(("bundled", str(ROOT / "story" / "dreamphases.ink")))
    for lines, seed in GENERATED:
        path = folder / f"generated-{lines}-{seed}.ink"
        path.write_text(generate(lines, seed), encoding="utf-8")
        found.append((path.stem, str(path)))
    return found


def _dump(tree: Path, stories: list[tuple[str, str]], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(tree)}
    # (run from inside the tree: `python -c` puts the current folder first on sys.path)
    subprocess.run([sys.executable, "-c", _CHILD, json.dumps(stories), str(out)], env=env, cwd=tree, check=True)


def _first_difference(a: str, b: str) -> str:
    for number, (left, right) in enumerate(zip(a.splitlines(), b.splitlines(), strict=False), 1):
        if left != right:
            at = next((i for i, (x, y) in enumerate(zip(left, right, strict=False)) if x != y),
                      min(len(left), len(right)))
            around = slice(max(0, at - 40), at + 40)
            return f"line {number}, column {at + 1}: {left[around]!r} vs {right[around]!r}"
    return "one is a prefix of the other"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--against", default="origin/main", help="the commit to compare with")
    parser.add_argument("--keep", type=Path, help="a folder to leave the dumps in (ours/ and theirs/)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dp-outputs-") as tmp:
        folder = Path(args.keep) if args.keep else Path(tmp)
        stories = _stories(Path(tmp))
        with checkout(args.against, Path(tmp) / "against") as other:
            assert other is not None
            _dump(ROOT, stories, folder / "ours")
            _dump(other, stories, folder / "theirs")
        differing = []
        for name, _ in stories:
            ours = (folder / "ours" / name).read_text(encoding="utf-8")
            theirs = (folder / "theirs" / name).read_text(encoding="utf-8")
            if ours != theirs:
                differing.append(name)
                print(f"  {name}: {_first_difference(ours, theirs)}")
    print(f"{len(stories)} stories: JSON, diagnostics and graph "
          + (f"differ in {len(differing)}" if differing else f"identical to {args.against}'s"))
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
