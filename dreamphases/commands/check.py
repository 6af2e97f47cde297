"""`dreamphases check STORY.ink` — compiler diagnostics plus lint findings; exit 1 when there are errors."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check", help="report compile errors, warnings and lint findings",
        description="Compile STORY and run the lint rules over its story graph. Exit status: 0 clean "
        "(warnings allowed), 1 errors (or warnings with --strict), 2 bad usage. Silence one finding "
        "with `// check: ignore CODE` on its line or the line above.",
    )
    p.add_argument("story", nargs="?", type=Path, help="the main .ink file")
    p.add_argument("--format", choices=("text", "json", "github"), default="text",
                   help="text (default), json (schema dreamphases.check/1) or github (Actions annotations)")
    p.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    p.add_argument("--max-words", type=int, default=None, metavar="N",
                   help="long-passage threshold: words read without a choice (default 600)")
    p.add_argument("--ignore", action="append", default=[], metavar="CODE",
                   help="do not run these rules (codes or names; repeat or comma-separate)")
    p.add_argument("--list-rules", action="store_true", help="list the lint rules and exit")
    p.set_defaults(handler=run)


def _list_rules() -> str:
    from dreamphases.tools.rules import RULES

    return "".join(f"{r.code}  {r.name:<20} {r.severity.value:<8} {r.doc}\n" for r in RULES)


def run(args: argparse.Namespace) -> int:
    from dreamphases.tools.check import check_path, format_github, format_json, format_text
    from dreamphases.tools.lint import DEFAULT_MAX_WORDS, LintOptions
    from dreamphases.tools.rules import rule_by_code

    if args.list_rules:
        sys.stdout.write(_list_rules())
        return 0
    if args.story is None:
        print("error: name the story to check, e.g. `dreamphases check story.ink`", file=sys.stderr)
        return 2
    if not args.story.is_file():
        print(f"error: no such story file: {args.story}", file=sys.stderr)
        return 2
    ignored = {part.strip() for item in args.ignore for part in item.split(",") if part.strip()}
    unknown = sorted(i for i in ignored if rule_by_code(i) is None)
    if unknown:
        print(f"error: no lint rule named {', '.join(unknown)} (see `dreamphases check --list-rules`)",
              file=sys.stderr)
        return 2
    if args.max_words is not None and args.max_words < 1:
        print("error: --max-words must be a positive number of words", file=sys.stderr)
        return 2
    options = LintOptions(
        max_words=args.max_words or DEFAULT_MAX_WORDS, disabled=frozenset(ignored),
    )
    result = check_path(args.story, options)
    if args.format == "json":
        sys.stdout.write(format_json(result, args.strict))
    elif args.format == "github":
        sys.stdout.write(format_github(result))
    else:
        sys.stdout.write(format_text(result))
    return 1 if result.failed(args.strict) else 0
