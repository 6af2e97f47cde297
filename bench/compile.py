"""Compile speed and peak memory, whole process, ours beside the pre-refactor baseline and inkjs, in one run.

Why whole process: that is what a writer waits for (`dreamphases compile` or inklecate from a shell),
interpreter start-up included. Each compiler runs on a generated story of at least 20,000 lines
(`gen_story.generate`, every core construct) and on the bundled story. The compilers take turns run
by run, so a shared machine's load hits them alike; for each, the best of `--runs` wall times (with
lines/second) and the best CPU time (user + system of the child process) are reported, and peak
memory is the child process's ru_maxrss. Each child may cache its bytecode (as a `pip install`ed
package has it), and one untimed run per compiler fills that cache first: with `PYTHONDONTWRITEBYTECODE`
set, every run would compile the package's sources again, which no installed user pays
(`--no-bytecode-cache` measures that case). Two targets: ours at most half of inkjs's wall time
(issue 3), and ours no slower in CPU time than our own compiler at `--against` (issue 10: the
compile-speed reference is the commit before the typed-stages refactor).

    python bench/compile.py [--lines 20000] [--runs 3] [--against 1738706684bf] [--no-inkjs]
                            [--no-bytecode-cache]

`--against` checks the commit out into a temporary git worktree (removed afterwards) and runs its
`python -m dreamphases compile` with the same interpreter; `--against ''` leaves it out.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INKJS = ROOT / ".." / "shared" / "tools" / "inkjs" / "run"
#: the compile-speed reference of issue 10: the last commit before the typed-stages refactor
BASELINE = "1738706684bf858313958f54f0737dfcf46dd268"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_story import generate  # noqa: E402  (bench/ is not a package)
from worktree import checkout  # noqa: E402


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu: float
    peak_mib: float
    ok: bool


@dataclass(frozen=True)
class Compiler:
    label: str
    #: the command, given the story and the output file
    command: list[str]
    cwd: Path | None = None
    env: dict[str, str] | None = None


def timed(compiler: Compiler, story: Path, out: Path) -> Run:
    """Wall time, CPU time and peak resident memory of one child process (and those it waited for)."""
    cmd = [part.replace("{story}", str(story)).replace("{out}", str(out)) for part in compiler.command]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=compiler.cwd,
                            env=compiler.env)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if proc.returncode != 0:
        print(f"    ! {compiler.label} exited {proc.returncode}: {err.strip().splitlines()[-1:]}")
    # ru_maxrss is KiB on Linux
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode == 0)


def bench(label: str, story: Path, lines: int, runs: int, compilers: list[Compiler], out: Path) -> None:
    results: dict[str, list[Run]] = {c.label: [] for c in compilers}
    for c in compilers:  # untimed: fills the bytecode caches (and the disk cache) for every compiler alike
        timed(c, story, out / f"{c.label}.json")
    for _ in range(runs):  # take turns, so load hits every compiler alike
        for c in compilers:
            results[c.label].append(timed(c, story, out / f"{c.label}.json"))
    print(f"{label}: {lines:,} lines, best of {runs}, load average {os.getloadavg()[0]:.2f}")
    best: dict[str, Run] = {}
    for c in compilers:
        got = results[c.label]
        if not all(r.ok for r in got):
            print(f"  {c.label:14s}: failed to compile")
            continue
        wall = min(r.seconds for r in got)
        best[c.label] = Run(wall, min(r.cpu for r in got), max(r.peak_mib for r in got), True)
        b = best[c.label]
        print(f"  {c.label:14s}: {b.seconds:6.2f} s wall  {b.cpu:6.3f} s CPU  {lines / b.seconds:9,.0f} lines/s"
              f"  peak {b.peak_mib:6.1f} MiB")
    ours = best.get("ours")
    theirs = best.get("inkjs")
    if ours and theirs:
        ratio = ours.seconds / theirs.seconds
        verdict = "meets" if ratio <= 0.5 else "misses"
        print(f"  ours/inkjs wall time: {ratio:.2f} ({verdict} the target of at most 0.50)")
    reference = next((best[c.label] for c in compilers if c.label not in ("ours", "inkjs") and c.label in best), None)
    if ours and reference:
        ratio = ours.cpu / reference.cpu
        verdict = "meets" if ratio <= 1.0 else "misses"
        print(f"  ours/baseline CPU time: {ratio:.2f} ({verdict} the target of at most 1.00)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lines", type=int, default=20_000, help="size of the generated story")
    parser.add_argument("--runs", type=int, default=3, help="runs per compiler; the best time counts")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--against", default=BASELINE, help="another commit of ours to time beside this one")
    parser.add_argument("--no-inkjs", action="store_true", help="leave inkjs out")
    parser.add_argument("--no-bytecode-cache", action="store_true",
                        help="compile our package's sources on every run (PYTHONDONTWRITEBYTECODE=1, and the "
                        "package's __pycache__ folders removed first)")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory(prefix="dp-compile-bench-") as tmp, \
            checkout(args.against, Path(tmp) / "against") as other:
        folder = Path(tmp)
        if args.no_bytecode_cache:
            # neither tree may read bytecode of its own left by earlier runs (the standard library's stays)
            env["PYTHONDONTWRITEBYTECODE"] = "1"
            for tree in (ROOT, other):
                for cache in (tree / "dreamphases").rglob("__pycache__") if tree is not None else ():
                    shutil.rmtree(cache)
        ours = [sys.executable, "-m", "dreamphases", "compile", "{story}", "-o", "{out}"]
        compilers = [Compiler("ours", ours, cwd=ROOT, env=env)]
        if other is not None:
            # (`-m` puts the working folder first on sys.path, so the worktree's package is the one run)
            compilers.append(Compiler(args.against[:12], ours, cwd=other, env={**env, "PYTHONPATH": str(other)}))
        if args.no_inkjs:
            pass
        elif INKJS.exists():
            compilers.append(Compiler("inkjs", [str(INKJS), "compile", "-o", "{out}", "{story}"]))
        else:
            print("inkjs: not available (../shared/tools/inkjs/run is missing)")
        generated = folder / "generated.ink"
        generated.write_text(generate(args.lines, args.seed), encoding="utf-8")
        count = len(generated.read_text(encoding="utf-8").splitlines())
        bench(f"generated story (seed {args.seed})", generated, count, args.runs, compilers, folder)
        bundled = ROOT / "story" / "dreamphases.ink"
        if bundled.exists():
            lines = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in bundled.parent.glob("*.ink"))
            bench("bundled story (story/*.ink)", bundled, lines, args.runs, compilers, folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
