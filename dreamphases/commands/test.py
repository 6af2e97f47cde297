"""`dreamphases test [PATHS]` — run playthrough specs without pytest.

PATHS are spec files or folders searched for `*.playthrough.yaml` / `*.playthrough.yml` (default: the
current folder). Each failure shows the spec line, the transcript so far and the choices on offer.
Exit 0 when all pass, 1 when any fails, 2 when a spec or story is unusable.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

PATTERNS = ("*.playthrough.yaml", "*.playthrough.yml")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("test", help="run playthrough specs (*.playthrough.yaml)", description=__doc__,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="*", type=Path, help="spec files or folders (default: .)")
    p.add_argument("-x", "--exitfirst", action="store_true", help="stop at the first failure")
    p.add_argument("-q", "--quiet", action="store_true", help="only failures and the summary")
    p.set_defaults(handler=run)


def find_specs(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """(spec files, paths that do not exist)."""
    found: list[Path] = []
    missing: list[Path] = []
    for path in paths or [Path(".")]:
        if path.is_dir():
            found += sorted({p for pattern in PATTERNS for p in path.rglob(pattern)
                             if not any(part.startswith(".") for part in p.parts)})
        elif path.exists():  # a file, or something posing as one: load_spec says what is wrong with it
            found.append(path)
        else:
            missing.append(path)
    return found, missing


def run(args: argparse.Namespace) -> int:
    from dreamphases.testing.runner import run_spec
    from dreamphases.testing.spec import SpecError, load_spec
    from dreamphases.testing.story import StoryProblem
    from dreamphases.textsafe import printable

    specs, missing = find_specs(args.paths)
    for path in missing:
        print(f"error: no such file or folder: {path}", file=sys.stderr)
    if missing:
        return 2
    if not specs:
        print("no playthrough specs found (*.playthrough.yaml)", file=sys.stderr)
        return 2
    passed = failed = unusable = 0
    for path in specs:
        try:
            result = run_spec(load_spec(path))
        except (SpecError, StoryProblem) as exc:
            unusable += 1
            print(printable(f"ERROR {path}: {exc}"))
        else:
            if result.failure is None:
                passed += 1
                if not args.quiet:
                    print(f"ok    {path} ({result.spec.name}, {result.steps_run} steps)")
            else:
                failed += 1
                print(f"FAIL  {path} ({result.spec.name})\n")
                print(result.failure.render())
                print()
        if args.exitfirst and (failed or unusable):
            break
    print(f"{passed} passed, {failed} failed" + (f", {unusable} unusable" if unusable else ""))
    return 2 if unusable else 1 if failed else 0
