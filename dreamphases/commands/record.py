"""`dreamphases record STORY -o SPEC` — play a story and write what happened as a playthrough spec.

You play through the same player as `dreamphases play` (the HUD, the menu, /undo and /restart,
which take steps back out of the recording); /quit or Ctrl-D stops and writes the spec. Pass
`--choices 1,2,1`, or pipe choice numbers in, to record without prompts. Edit the written spec down
to what must not change, then run it with `dreamphases test` or pytest.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from dreamphases.seed import seed_argument


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("record", help="play a story and write a playthrough spec", description=__doc__)
    p.add_argument("story", type=Path, help="the story (.ink or compiled .json)")
    p.add_argument("-o", "--output", type=Path, required=True, help="the spec file to write")
    p.add_argument("--choices", help="comma-separated choice numbers (1-based) instead of prompting")
    p.add_argument("--seed", type=seed_argument,
                   help="seed RANDOM and shuffles (default: a random seed; either way it is written into the spec)")
    p.add_argument("--name", help="the spec's name")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from dreamphases.fileio import describe, write_atomic
    from dreamphases.player.render import Renderer, make_console
    from dreamphases.player.savedir import default_saves_dir
    from dreamphases.player.session import Session, story_id_for
    from dreamphases.player.tags import story_meta
    from dreamphases.runtime.engine import Engine, StoryLoadError
    from dreamphases.testing.recorder import Recorder
    from dreamphases.testing.spec import dump_spec
    from dreamphases.testing.story import StoryProblem, load_story

    try:
        story = load_story(args.story)
        engine = Engine(story.json_text, host_functions=True)
    except StoryProblem as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.status
    except StoryLoadError as exc:
        print(f"error: the runtime cannot load this story: {exc}", file=sys.stderr)
        return 2
    interactive = args.choices is None and sys.stdin.isatty() and sys.stdout.isatty()
    meta = story_meta(engine.global_tags())
    renderer = Renderer(make_console(sys.stdout), meta, pacing=False)
    saves = default_saves_dir(None)
    session = Session(engine, meta, renderer, saves.path, story_id_for(meta.title, args.story), seed=args.seed,
                      autosave=False, saves_why=saves.why)
    recorder = Recorder(engine)
    session.on_choice = lambda index: recorder.before_choice(
        len(session.history), session.recent, session.choices(), index)
    renderer.title()
    if interactive:
        from dreamphases.player.app import play_interactive

        status = play_interactive(session)
    else:
        from dreamphases.player.scripted import inputs_from_lines, play_scripted

        session.start()
        status = play_scripted(session, inputs_from_lines([args.choices] if args.choices is not None else sys.stdin))
    if status == 2:  # a scripted choice that does not exist: the recording would not be what was asked
        return 2
    steps = recorder.finish(len(session.history), session.recent, session.choices(), session.error)
    if not steps:
        print("error: nothing to record (the story shows no text and offers no choice)", file=sys.stderr)
        return 1
    ref = os.path.relpath(args.story.resolve(), args.output.resolve().parent)
    note = "Recorded with `dreamphases record`; trim it to what must not change."
    try:
        write_atomic(args.output, dump_spec(ref, steps, name=args.name, seed=session.seed, comment=note),
                     inputs=[args.story])
    except OSError as exc:
        print(f"error: cannot write {args.output}: {describe(exc)}", file=sys.stderr)
        return 2
    print(f"wrote {args.output} ({len(steps)} steps)", file=sys.stderr)
    return 1 if session.error else 0
