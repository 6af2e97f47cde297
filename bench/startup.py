"""Start-up time: from launching `dreamphases play` to the first line of story text on screen.

Runs the bundled story (or the story given) as a player would, in a fresh process each time: once
cold (empty compile cache, so the .ink is compiled) and several times warm (compiled JSON found in
the cache by content hash). Prints the figures; the target is under 0.5 s warm.

    python bench/startup.py [STORY.ink] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


INKJS = ROOT / ".." / "shared" / "tools" / "inkjs" / "run"


def compiled(story: Path) -> tuple[str | None, str]:
    """(JSON from our compiler or None, a note on why not)."""
    from dreamphases.compiler import compile_path, render

    result = compile_path(story)
    errors = [render(d).splitlines()[0] for d in result.diagnostics if d.is_error]
    return result.json_text, (errors[0] if errors else "")


def reference_json(story: Path, folder: Path) -> str | None:
    """The reference compiler's output (inkjs), used only to measure the warm path when ours fails."""
    if not INKJS.exists():
        return None
    target = folder / "reference.json"
    done = subprocess.run([str(INKJS), "compile", "-o", str(target), str(story)], capture_output=True)
    return target.read_text(encoding="utf-8-sig") if done.returncode == 0 else None


def first_line_of(json_text: str) -> str:
    """The story's first line of text, found in-process (not part of the timing)."""
    from dreamphases.runtime.engine import Engine

    engine = Engine(json_text)
    while engine.can_continue():
        text = engine.next_line().text.strip()
        if text:
            return text
    sys.exit("the story prints nothing before its first choice")


def time_to_first_line(story: Path, cache_dir: Path, saves: Path, needle: str) -> float:
    env = dict(os.environ, DREAMPHASES_CACHE_DIR=str(cache_dir), COLUMNS="400")
    env.pop("NO_COLOR", None)
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "dreamphases", "play", str(story), "--choices", "", "--saves", str(saves)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT,
    )
    assert child.stdout is not None
    elapsed = None
    for line in child.stdout:
        if needle[:40] in line:
            elapsed = time.perf_counter() - start
            break
    child.kill()
    child.wait()
    if elapsed is None:
        sys.exit("the first line never appeared")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("story", nargs="?", type=Path, default=ROOT / "story" / "dreamphases.ink")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from dreamphases.compiler.source import read_sources
    from dreamphases.runtime import cache

    files = list(args.story.parent.glob("*.ink"))
    lines = sum(len(f.read_text(encoding="utf-8").splitlines()) for f in files)
    print(f"story: {args.story} ({len(files)} .ink files, {lines} lines)")
    json_text, problem = compiled(args.story)
    with tempfile.TemporaryDirectory() as tmp:
        cache_dir, saves = Path(tmp) / "cache", Path(tmp) / "saves"
        os.environ["DREAMPHASES_CACHE_DIR"] = str(cache_dir)
        if json_text is not None:
            needle = first_line_of(json_text)
            cold = time_to_first_line(args.story, cache_dir, saves, needle)
            print(f"cold start (compile, then play): {cold * 1000:7.1f} ms to the first line")
        else:
            json_text = reference_json(args.story, Path(tmp))
            if json_text is None:
                sys.exit(f"our compiler rejects the story ({problem}) and no reference compiler is at hand")
            print(f"cold start: not measured, our compiler rejects the story: {problem}")
            print("            (the warm figure below plays the reference compiler's JSON from the cache)")
            cache.store(args.story, cache.cache_key(read_sources(args.story)), json_text)
            needle = first_line_of(json_text)
        warm = [time_to_first_line(args.story, cache_dir, saves, needle) for _ in range(args.runs)]
    print(f"warm start (cached compile):     {statistics.median(warm) * 1000:7.1f} ms median of {args.runs} "
          f"(min {min(warm) * 1000:.1f}, max {max(warm) * 1000:.1f})")
    print(f"target warm < 500 ms: {'met' if statistics.median(warm) < 0.5 else 'NOT met'}")


if __name__ == "__main__":
    main()
