"""Compile speed and peak memory, ours beside inkjs's, whole process, in one run.

Why whole process: that is what a writer waits for (`dreamphases compile` or inklecate from a shell),
interpreter start-up included. Each compiler runs on a generated story of at least 20,000 lines
(`gen_story.generate`, every core construct) and on the bundled story; the best of `--runs` wall
times is reported with lines/second, and peak memory is the child process's ru_maxrss. The target
(issue 3) is ours at most half of inkjs's wall time.

    python bench/compile.py [--lines 20000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INKJS = ROOT / ".." / "shared" / "tools" / "inkjs" / "run"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_story import generate  # noqa: E402  (bench/ is not a package)


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float
    ok: bool


def timed(cmd: list[str]) -> Run:
    """Wall time and peak resident memory of one child process (and the processes it waited for)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if proc.returncode != 0:
        print(f"    ! {' '.join(cmd[:3])} … exited {proc.returncode}: {err.strip().splitlines()[-1:]}")
    return Run(seconds, usage.ru_maxrss / 1024, proc.returncode == 0)  # ru_maxrss is KiB on Linux


def best_of(cmd: list[str], runs: int) -> Run:
    results = [timed(cmd) for _ in range(runs)]
    return min(results, key=lambda r: r.seconds) if all(r.ok for r in results) else Run(0, 0, False)


def bench(label: str, story: Path, lines: int, runs: int, out: Path) -> None:
    ours = best_of([sys.executable, "-m", "dreamphases", "compile", str(story), "-o", str(out / "ours.json")], runs)
    print(f"{label}: {lines:,} lines")
    if ours.ok:
        print(f"  ours  : {ours.seconds:6.2f} s  {lines / ours.seconds:9,.0f} lines/s  peak {ours.peak_mib:6.1f} MiB")
    else:
        print("  ours  : failed to compile")
    if not INKJS.exists():
        print("  inkjs : not available (../shared/tools/inkjs/run is missing)")
        return
    theirs = best_of([str(INKJS), "compile", "-o", str(out / "inkjs.json"), str(story)], runs)
    if not theirs.ok:
        print("  inkjs : failed to compile")
        return
    print(f"  inkjs : {theirs.seconds:6.2f} s  {lines / theirs.seconds:9,.0f} lines/s  peak {theirs.peak_mib:6.1f} MiB")
    if ours.ok:
        ratio = ours.seconds / theirs.seconds
        verdict = "meets" if ratio <= 0.5 else "misses"
        print(f"  ours/inkjs wall time: {ratio:.2f} ({verdict} the target of at most 0.50)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lines", type=int, default=20_000, help="size of the generated story")
    parser.add_argument("--runs", type=int, default=3, help="runs per compiler; the best wall time counts")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dp-compile-bench-") as tmp:
        folder = Path(tmp)
        generated = folder / "generated.ink"
        generated.write_text(generate(args.lines, args.seed), encoding="utf-8")
        count = len(generated.read_text(encoding="utf-8").splitlines())
        bench(f"generated story (seed {args.seed})", generated, count, args.runs, folder)
        bundled = ROOT / "story" / "dreamphases.ink"
        if bundled.exists():
            lines = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in bundled.parent.glob("*.ink"))
            bench("bundled story (story/*.ink)", bundled, lines, args.runs, folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
