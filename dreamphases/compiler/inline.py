"""Inline content: one line's text, glue, `{…}` logic, diverts and tags → a list of `Inline` nodes.

Kept apart from the line-level parser because choices, gathers, content lines, string literals and
`{…}` branches all parse their text with it.
"""

from __future__ import annotations

import re

from dreamphases.compiler.ast import (
    SEQ_CYCLE,
    SEQ_ONCE,
    SEQ_SHUFFLE,
    SEQ_STOPPING,
    Branch,
    Conditional,
    ContentLine,
    Divert,
    DivertTarget,
    Expr,
    Glue,
    Inline,
    Print,
    Sequence,
    Stmt,
    Tag,
    Text,
)
from dreamphases.compiler.diagnostics import Diagnostic, Span
from dreamphases.compiler.expressions import TILDE_HINT, TILDE_IN_TEXT, ExprError, parse_expression
from dreamphases.compiler.scan import (
    find_top_level,
    first_at_top,
    matching_brace,
    split_at_top,
    split_commas,
    split_top_level,
)

__all__ = ["InlineParser", "SEQUENCE_SYMBOL_CHARS", "SEQUENCE_WORDS", "SUPPORTED_SEQUENCES", "sequence_kind",
           "symbols_kind"]

SEQUENCE_WORDS = {"stopping": SEQ_STOPPING, "cycle": SEQ_CYCLE, "shuffle": SEQ_SHUFFLE, "once": SEQ_ONCE}
#: `{&a|b}`, `{!…}`, `{~…}`, `{$…}`: a run of these symbols combines like the words
SEQUENCE_SYMBOLS = {"&": SEQ_CYCLE, "!": SEQ_ONCE, "~": SEQ_SHUFFLE, "$": SEQ_STOPPING}
_TARGET = re.compile(r"^\s*([^\W][\w.]*)\s*(\((.*)\))?\s*$", re.UNICODE | re.DOTALL)
MAX_DEPTH = 64
_SPECIAL_CHARS = "\\{}<-#"  # the first characters of escapes, braces, glue, diverts, threads and tags
_SPECIAL = re.compile(r"[\\{}<\-#]")


#: the symbols that mark a sequence's kind at the start of `{…}`
SEQUENCE_SYMBOL_CHARS = "".join(SEQUENCE_SYMBOLS)


def symbols_kind(symbols: str) -> int:
    """`~!` → shuffle | once: the kind bits of a run of sequence symbols (0 if there are none)."""
    kind = 0
    for symbol in symbols:
        kind |= SEQUENCE_SYMBOLS.get(symbol, 0)
    return kind


def sequence_kind(head: str) -> int | None:
    """`stopping`, `shuffle once`, … → kind bits; None if `head` is not all sequence keywords."""
    words = head.split()
    if not words or any(w not in SEQUENCE_WORDS for w in words):
        return None
    kind = 0
    for w in words:
        kind |= SEQUENCE_WORDS[w]
    return kind


#: the combinations of sequence words inklecate supports (others are an error there)
SUPPORTED_SEQUENCES = frozenset({SEQ_STOPPING, SEQ_CYCLE, SEQ_SHUFFLE, SEQ_ONCE,
                                 SEQ_SHUFFLE | SEQ_STOPPING, SEQ_SHUFFLE | SEQ_ONCE})


def space_before_divert(items: list[Inline]) -> list[Inline]:
    """Text that runs into a divert ends in exactly one space, as inklecate writes it (`Hi-> k` prints
    "Hi " before k's text). Choice lines are exempt: there the divert is not part of the text."""
    end = len(items)
    while end > 0 and isinstance(items[end - 1], Divert):
        end -= 1
    if end < len(items) and end > 0 and isinstance(items[end - 1], Text):
        before = items[end - 1]
        assert isinstance(before, Text)
        items[end - 1] = Text(before.text.rstrip(" \t") + " ")
    return items


class InlineParser:
    """Parses inline content for one file; appends problems to `diags`."""

    def __init__(self, file: str, raw_lines: list[str], diags: list[Diagnostic]) -> None:
        self.file = file
        self.raw_lines = raw_lines
        self.diags = diags
        self.depth = 0
        #: set while a choice line is parsed: only there may a divert have no target (`* ->`)
        self.in_choice = False

    def error(self, code: str, message: str, line: int, col: int, hint: str | None = None) -> None:
        excerpt = self.raw_lines[line - 1] if 0 < line <= len(self.raw_lines) else None
        self.diags.append(Diagnostic(code, message, Span(self.file, line, col), hint, excerpt))

    # -- expressions ------------------------------------------------------------------------------
    def expression(self, text: str, line: int, col: int, statement: bool = False) -> Expr | None:
        """Parse `text` (which starts at 1-based column `col`), reporting errors. `statement`: the
        whole logic of a `~` line (where `x++` may stand)."""
        lead = len(text) - len(text.lstrip())
        problems: list[ExprError] = []
        try:
            expr = parse_expression(text, Span(self.file, line, col),
                                    lambda s, c: self.content(s, line, c), problems, statement)
        except ExprError as exc:
            self.error(exc.code, str(exc), line, col + max(exc.col, lead), exc.hint)
            return None
        except RecursionError:
            self.error("E021", "expression nested too deeply", line, col)
            return None
        for p in problems:
            self.error(p.code, str(p), line, col + p.col, p.hint)
        return expr

    def no_tilde(self, text: str, line: int, col: int) -> None:
        """Text (a choice's, an alternative's, a branch's) may not start with '~' in inklecate."""
        stripped = text.lstrip(" \t")
        if stripped.startswith("~"):
            self.error("E001", TILDE_IN_TEXT, line, col + len(text) - len(stripped), TILDE_HINT)

    def condition(self, text: str, line: int, col: int) -> Expr | None:
        """An expression that decides a branch or a choice: a divert target there is always true,
        which inklecate refuses as a likely slip for a read count."""
        expr = self.expression(text, line, col)
        if isinstance(expr, DivertTarget):
            self.error("E028", "a divert target as a condition is always true", line,
                       col + len(text) - len(text.lstrip()),
                       f"to test whether '{expr.path}' was seen, drop the arrow: {{{expr.path}: …}}")
        return expr

    # -- content ------------------------------------------------------------------------------------
    def content(self, text: str, line: int, col: int) -> list[Inline]:
        """Parse inline content. `col` is the 1-based column of text[0]."""
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                self.error("E021", "content nested too deeply", line, col)
                return []
            return self._content(text, line, col)
        finally:
            self.depth -= 1

    def _content(self, text: str, line: int, col: int) -> list[Inline]:
        if _SPECIAL.search(text) is None:  # plain prose, the commonest line: one piece of text
            return [Text(text)] if text else []
        out: list[Inline] = []
        buf: list[str] = []

        def flush() -> None:
            if buf:
                out.append(Text("".join(buf)))
                buf.clear()

        i, n = 0, len(text)
        while i < n:
            c = text[i]
            if c not in _SPECIAL_CHARS:
                # plain text up to the next character that can start something: copied in one slice
                m = _SPECIAL.search(text, i)
                j = n if m is None else m.start()
                buf.append(text[i:j])
                i = j
                continue
            if c == "\\" and i + 1 < n:
                buf.append(text[i + 1])
                i += 2
                continue
            if c == "{":
                end = matching_brace(text, i)
                if end < 0:
                    self.error("E002", "this '{' is never closed", line, col + i,
                               "close it with '}' on the same line, or start a multiline block on a line of its own")
                    return out
                flush()
                node = self.brace(text[i + 1:end], line, col + i + 1)
                if node is not None:
                    out.append(node)
                i = end + 1
                continue
            if c == "}":
                self.error("E002", "a '}' with no '{' before it", line, col + i,
                           "write '\\}' for a literal brace, or remove it")
                buf.append(c)
                i += 1
                continue
            if text.startswith("<>", i):
                flush()
                out.append(Glue())
                i += 2
                continue
            if text.startswith("->", i) or text.startswith("<-", i):
                flush()
                end = _tag_end(text, i)
                out.extend(self.diverts(text[i:end], line, col + i))
                if end < n:
                    # inklecate ends the line at a divert: what follows it, a tag too, is an error
                    self.error("E034", "nothing can follow a divert on its line, not even a tag", line, col + end,
                               "put the tag before the divert: 'Text #tag -> target'")
                i = end
                continue
            if c == "#":
                flush()
                end = _tag_end(text, i + 1)
                tag_text = text[i + 1:end]
                parts = self.content(tag_text.strip(), line, col + i + 1)
                out.append(Tag(parts))
                i = end
                continue
            buf.append(c)
            i += 1
        flush()
        return out

    # -- `{…}` ----------------------------------------------------------------------------------------
    def brace(self, inner: str, line: int, col: int) -> Inline | None:
        span = Span(self.file, line, col - 1)
        stripped = inner.lstrip()
        lead = len(inner) - len(stripped)
        if stripped[:1] in SEQUENCE_SYMBOLS:
            run = len(stripped) - len(stripped.lstrip("&!~$"))
            kind = 0
            for symbol in stripped[:run]:
                kind |= SEQUENCE_SYMBOLS[symbol]
            if kind not in SUPPORTED_SEQUENCES:
                self.error("E001", f"'{stripped[:run]}' is not a sequence ink supports", line, col + lead,
                           "use one of & (cycle), ! (once), ~ (shuffle), $ (stopping), or ~! / ~$")
            body = inner[lead + run:]
            return Sequence(kind, self._elements(body, line, col + lead + run), span)
        colon = find_top_level(inner, ":")
        if colon >= 0:
            head = inner[:colon]
            rest = inner[colon + 1:]
            named = sequence_kind(head)
            if named is not None:
                if named not in SUPPORTED_SEQUENCES:
                    self.error("E001", f"'{head.strip()}' is not a sequence ink supports", line, col,
                               "use once, cycle, shuffle, stopping, 'shuffle once' or 'shuffle stopping'")
                if not rest.strip():
                    self.error("E001", "a sequence needs elements after its ':'", line, col + colon)
                return Sequence(named, self._elements(rest, line, col + colon + 1), span)
            cond = self.condition(head, line, col)
            parts = split_top_level(rest, "|")
            if not parts[0][1]:
                self.error("E001", "an inline conditional needs text or logic right after its ':'", line,
                           col + colon + 1, "write {cond: yes|no}; for nothing when true, write {not cond: no}")
            for off, part in parts:
                self.no_tilde(part, line, col + colon + 1 + off)
            if len(parts) > 2:
                self.error("E001", "an inline conditional has at most two branches: {cond: yes|no}", line, col)
            branches = [Branch(cond, [self._line(parts[0][1], line, col + colon + 1 + parts[0][0])], inline=True)]
            if len(parts) > 1:
                branches.append(Branch(None, [self._line(parts[1][1], line, col + colon + 1 + parts[1][0])],
                                       is_else=True, inline=True))
            return Conditional(None, branches, span, initial=True) if cond is not None else None
        if len(split_top_level(inner, "|")) > 1:
            # inklecate skips the whitespace after '{' before it sees a sequence: `x{  a|b}` prints "xa"
            skip = len(inner) - len(inner.lstrip(" \t"))
            return Sequence(SEQ_STOPPING, self._elements(inner[skip:], line, col + skip), span)
        if not inner.strip():
            self.error("E003", "empty '{}'", line, col - 1, "put an expression or some alternatives inside")
            return None
        expr = self.expression(inner, line, col)
        return Print(expr) if expr is not None else None

    def _line(self, text: str, line: int, col: int) -> ContentLine:
        return ContentLine(space_before_divert(self.content(text, line, col)), Span(self.file, line, col))

    def _elements(self, body: str, line: int, col: int) -> list[list[Stmt]]:
        parts = split_top_level(body, "|")
        for off, part in parts:
            self.no_tilde(part, line, col + off)
        return [[self._line(part, line, col + off)] for off, part in parts]

    # -- diverts ------------------------------------------------------------------------------------
    def diverts(self, text: str, line: int, col: int) -> list[Inline]:
        """`-> a`, `-> a ->`, `-> a -> b`, `->->`, `->-> b`, `<- t` (text starts at the arrow)."""
        span = Span(self.file, line, col)
        if "->->->" in text:
            self.error("E001", "three arrows in a row: a divert has '->' (go) or '->->' (return from a tunnel)",
                       line, col + text.index("->->->"), "write '->->' to return from a tunnel")
        if text.startswith("<-"):
            target = self._target(text[2:], line, col + 2, thread=True)
            return [target] if target else []
        twin = text.find("->->", 2)
        if twin > 0 and text[2:twin].strip():
            if "->" in text[twin + 4:]:
                self.error("E001", "after '->->' in a divert comes at most one target, then the end of the line",
                           line, col + twin, "end the divert at '->-> target'")
            return self.diverts(text[:twin] + "->", line, col) + self.diverts(text[twin:], line, col + twin)
        if not text[2:].strip():
            if not self.in_choice:
                self.error("E001", "a divert needs a target: '->' alone is only valid on a choice line", line, col,
                           "write '-> DONE' or '-> END' to stop here, or '-> knot' to go on")
            return []  # a bare '->' ends a fallback choice line: '* ->'
        segments = _arrows(text[2:])
        out: list[Inline] = []
        if text.startswith("->->"):
            rest = [s for s in segments[1:] if s[1].strip()]
            onward = None
            if rest:
                off, seg = rest[0]
                onward = self._target(seg, line, col + 2 + off)
            d = Divert(onward.target if onward else None, onward.args if onward else [], span,
                       tunnel_return=True)
            return [d]
        pieces = segments
        ends_with_tunnel = len(pieces) > 1 and not pieces[-1][1].strip()
        if ends_with_tunnel:
            pieces = pieces[:-1]
        for idx, (off, seg) in enumerate(pieces):
            if not seg.strip():
                self.error("E001", "a divert needs a target: -> knot", line, col + 2 + off)
                continue
            target = self._target(seg, line, col + 2 + off)
            if target is None:
                continue
            d = target
            d.tunnel = ends_with_tunnel or idx < len(pieces) - 1
            out.append(d)
        return out

    def _target(self, seg: str, line: int, col: int, thread: bool = False) -> Divert | None:
        m = _TARGET.match(seg)
        if not m:
            self.error("E001", f"'{seg.strip()}' is not a divert target", line, col + len(seg) - len(seg.lstrip()),
                       "targets look like knot, knot.stitch or knot.stitch.label")
            return None
        args: list[Expr] = []
        if m.group(2) is not None:
            arg_text = m.group(3)
            arg_col = col + m.start(3)
            if arg_text.strip():
                for off, part in split_commas(arg_text):
                    e = self.expression(part, line, arg_col + off)
                    if e is not None:
                        args.append(e)
        return Divert(m.group(1), args, Span(self.file, line, col + m.start(1)), thread=thread)


def _tag_end(text: str, start: int) -> int:
    """End of a divert or tag: the next `#` outside braces, or the end of the text."""
    end = first_at_top(text, ("#",), start=start)
    return len(text) if end < 0 else end


def _arrows(text: str) -> list[tuple[int, str]]:
    return split_at_top(text, "->", parens=True)
