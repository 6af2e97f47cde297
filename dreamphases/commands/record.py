"""`dreamphases record STORY -o SPEC` — play a story and write what happened as a playthrough spec.

Choose by number at the `?>` prompt (an empty line or `q` stops), or pass `--choices 1,2,1` to record
without playing. Edit the written spec down to what must not change, then run it with
`dreamphases test` or pytest.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from dreamphases.seed import seed_argument
from dreamphases.textsafe import printable


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("record", help="play a story and write a playthrough spec", description=__doc__,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("story", type=Path, help="the story (.ink or compiled .json)")
    p.add_argument("-o", "--output", type=Path, required=True, help="the spec file to write")
    p.add_argument("--choices", help="comma-separated choice numbers (1-based) instead of prompting")
    p.add_argument("--seed", type=seed_argument, help="seed RANDOM and shuffles (recorded in the spec)")
    p.add_argument("--name", help="the spec's name")
    p.set_defaults(handler=run)


def _picks(text: str) -> list[int] | None:
    try:
        return [int(x) for x in text.replace(" ", "").split(",") if x]
    except ValueError:
        return None


def run(args: argparse.Namespace) -> int:
    from dreamphases.fileio import describe, write_atomic
    from dreamphases.runtime.engine import Engine, StoryLoadError
    from dreamphases.testing.recorder import Recorder
    from dreamphases.testing.spec import dump_spec
    from dreamphases.testing.story import StoryProblem, load_story

    scripted = None
    if args.choices is not None:
        scripted = _picks(args.choices)
        if scripted is None:
            print(f"error: --choices wants numbers like 1,2,1, not {args.choices!r}", file=sys.stderr)
            return 2
    try:
        story = load_story(args.story)
        engine = Engine(story.json_text)
    except StoryProblem as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.status
    except StoryLoadError as exc:
        print(f"error: the runtime cannot load this story: {exc}", file=sys.stderr)
        return 2
    if args.seed is not None:
        engine.set_seed(args.seed)
    recorder = Recorder(engine)
    recorder.advance()
    pending = iter(scripted) if scripted is not None else None
    while True:
        if scripted is None:
            for line in recorder.lines:
                print(printable(line))
        if recorder.error:
            print(f"RUNTIME ERROR: {recorder.error}", file=sys.stderr)
            break
        offered = recorder.choices
        if not offered:
            break
        pick = _next_pick(offered, pending)
        if pick is None:
            break
        if not 1 <= pick <= len(offered):
            print(f"error: there is no choice {pick} (1..{len(offered)})", file=sys.stderr)
            if pending is not None:
                return 2
            continue
        recorder.choose(pick - 1)
    steps = recorder.finish()
    if not steps:
        print("error: nothing to record (the story shows no text and offers no choice)", file=sys.stderr)
        return 1
    ref = os.path.relpath(args.story.resolve(), args.output.resolve().parent)
    note = "Recorded with `dreamphases record`; trim it to what must not change."
    try:
        write_atomic(args.output, dump_spec(ref, steps, name=args.name, seed=args.seed, comment=note),
                     inputs=[args.story])
    except OSError as exc:
        print(f"error: cannot write {args.output}: {describe(exc)}", file=sys.stderr)
        return 2
    print(f"wrote {args.output} ({len(steps)} steps)", file=sys.stderr)
    return 1 if recorder.error else 0


def _next_pick(offered: list[str], pending: object) -> int | None:
    """The next 1-based choice: from --choices, or asked on stdin. None stops the recording."""
    if pending is not None:
        return next(pending, None)  # type: ignore[call-overload]
    print()
    for number, text in enumerate(offered, 1):
        print(f"{number}: {printable(text)}")
    while True:
        print("?> ", end="", flush=True)
        answer = sys.stdin.readline()
        if not answer or answer.strip().lower() in ("", "q", "quit"):
            return None
        if answer.strip().isdigit():
            return int(answer.strip())
        print(f"type a number from 1 to {len(offered)}, or an empty line to stop")
