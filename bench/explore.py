"""Explorer throughput: random walks (choices/s), 1 vs 2 processes, beside inkjs's random play.

    python bench/explore.py [--runs-small 3000] [--runs-large 200] [--seed 1]

Stories: the bundled story (story/dreamphases.ink) and a generated 20,000-line story
(bench/gen_story.py), both compiled by our compiler; inkjs plays the same JSON
(`../shared/tools/inkjs/run randomplay`, skipped when ../shared is absent). A plain single-process
loop over bink is printed too, so the explorer's own overhead is visible. Timings exclude compiling
and loading, as inkjs's do; the 2-process figure includes starting the worker processes.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INKJS = ROOT.parent / "shared" / "tools" / "inkjs" / "run"


def _generated(lines: int, seed: int) -> str:
    spec = importlib.util.spec_from_file_location("gen_story", ROOT / "bench" / "gen_story.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.generate(lines, seed))


def _compile(path: Path) -> tuple[str, object]:
    from dreamphases.compiler import compile_path, render

    result = compile_path(path)
    if result.json_text is None:
        errors = [render(d) for d in result.diagnostics if d.is_error][:3]
        raise SystemExit(f"{path} does not compile:\n" + "\n".join(errors))
    return result.json_text, result.graph


def ours(json_text: str, graph: object, runs: int, seed: int, jobs: int) -> tuple[float, int]:
    from dreamphases.testing.explorer import ExploreOptions, Walker, explore

    walker = Walker(json_text, graph, ExploreOptions(mode="random", runs=runs, seed=seed))  # type: ignore[arg-type]
    started = time.perf_counter()
    tally = explore(walker, jobs=jobs)
    seconds = time.perf_counter() - started
    return tally.choices / seconds, tally.choices


def plain_bink(json_text: str, runs: int, seed: int, max_steps: int = 500) -> float:
    """The simplest loop over bink (no tags, errors or coverage): the floor of what any explorer costs."""
    from bink.story import Story

    story = Story(json_text.lstrip("\ufeff"))
    story.set_error_handler(lambda message, is_error: None)
    rng = random.Random(seed)
    choices = 0
    started = time.perf_counter()
    for _ in range(runs):
        story.reset_state()
        for _ in range(max_steps):
            while story.can_continue():
                story.cont()
            count = len(story.get_current_choices())
            if not count:
                break
            story.choose_choice_index(rng.randrange(count))
            choices += 1
    return choices / (time.perf_counter() - started)


def inkjs(json_path: Path, runs: int, seed: int) -> float | None:
    if not INKJS.exists():
        return None
    out = subprocess.run([str(INKJS), "randomplay", str(json_path), "--runs", str(runs), "--seed", str(seed)],
                         capture_output=True, text=True, check=False)
    try:  # "N walks, C choices, L lines, S s, R choices/s"
        return float(out.stdout.strip().split(",")[-1].split()[0])
    except (IndexError, ValueError):
        print(f"  inkjs failed: {out.stderr.strip()[:200]}", file=sys.stderr)
        return None


def bench(name: str, source: Path, runs: int, seed: int, workdir: Path) -> None:
    json_text, graph = _compile(source)
    json_path = workdir / f"{source.stem}.json"
    json_path.write_text(json_text, encoding="utf-8")
    one, choices = ours(json_text, graph, runs, seed, 1)
    two, _ = ours(json_text, graph, runs, seed, 2)
    floor = plain_bink(json_text, runs, seed)
    reference = inkjs(json_path, runs, seed)
    print(f"{name}: {runs} random walks, {choices:,} choices")
    print(f"  explorer, 1 job      {one:>10,.0f} choices/s")
    print(f"  explorer, 2 jobs     {two:>10,.0f} choices/s")
    print(f"  plain bink loop      {floor:>10,.0f} choices/s")
    if reference:
        print(f"  inkjs randomplay     {reference:>10,.0f} choices/s")
        print(f"  2 jobs / inkjs       {two / reference:>10.2f}x  (target 2x)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs-small", type=int, default=3000, help="walks on the bundled story")
    parser.add_argument("--runs-large", type=int, default=200, help="walks on the generated story")
    parser.add_argument("--lines", type=int, default=20000, help="size of the generated story")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    os.environ.setdefault("RUST_BACKTRACE", "0")
    print(f"cores: {os.cpu_count()}, load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        bench("bundled story (story/dreamphases.ink)", ROOT / "story" / "dreamphases.ink", args.runs_small,
              args.seed, workdir)
        generated = workdir / "generated.ink"
        generated.write_text(_generated(args.lines, args.seed), encoding="utf-8")
        bench(f"generated {args.lines:,}-line story", generated, args.runs_large, args.seed, workdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
